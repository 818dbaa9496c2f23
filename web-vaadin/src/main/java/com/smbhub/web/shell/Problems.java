package com.smbhub.web.shell;

import com.smbhub.platform.errors.ConflictException;
import com.smbhub.platform.errors.NotFoundException;
import com.smbhub.platform.errors.ProviderException;
import com.smbhub.platform.errors.RateLimitedException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.errors.VerificationRequiredException;
import com.smbhub.platform.security.PermissionDeniedException;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place that words what a service refused for the person at the screen. Installed as every
 * session's error handler, so an action without handling of its own still says what happened (and
 * never shows a stack trace); screens that place errors at fields use their form's {@code show}.
 */
public final class Problems implements ErrorHandler {

    private static final Logger LOG = Logger.getLogger(Problems.class.getName());

    /** What to tell the person: the service's own words for a refusal, a plain sentence otherwise. */
    public static String say(Throwable e) {
        Throwable known = known(e).orElse(null);
        if (known instanceof ValidationException v) {
            return v.errors().isEmpty() ? v.getMessage() : v.errors().get(0).message();
        }
        if (known instanceof NotFoundException) {
            return "That no longer exists, or is not yours to see. The list is refreshed when you reopen it.";
        }
        if (known instanceof ConflictException) {
            return "Someone changed this meanwhile. Close it and open it again to see the current version.";
        }
        if (known instanceof PermissionDeniedException) {
            return "Your role does not allow this. An owner or admin can do it, or change your role.";
        }
        if (known instanceof VerificationRequiredException || known instanceof RateLimitedException) {
            return known.getMessage();
        }
        if (known instanceof ProviderException p) {
            return p.getMessage() + ". Nothing was changed; try again in a moment.";
        }
        return "Something went wrong. Try again, or reload the page.";
    }

    @Override
    public void error(ErrorEvent event) {
        Throwable e = event.getThrowable();
        if (known(e).isEmpty()) {
            LOG.log(Level.WARNING, "Unexpected error in the back office", e);
        }
        Toasts.problem(say(e));
    }

    /** The service exception behind {@code e} (the framework may wrap it), if it is one a person can act on. */
    private static Optional<Throwable> known(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ValidationException || t instanceof NotFoundException || t instanceof ConflictException
                    || t instanceof PermissionDeniedException || t instanceof ProviderException
                    || t instanceof VerificationRequiredException || t instanceof RateLimitedException) {
                return Optional.of(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }
}
