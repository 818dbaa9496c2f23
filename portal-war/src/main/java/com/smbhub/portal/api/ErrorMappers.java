package com.smbhub.portal.api;

import com.smbhub.aidraft.AiDraftService;
import com.smbhub.aidraft.AiDraftView;
import com.smbhub.contact.ContactService;
import com.smbhub.contact.ContactView;
import com.smbhub.invoice.InvoiceView;
import com.smbhub.platform.Jsonp;
import com.smbhub.platform.errors.ConflictException;
import com.smbhub.platform.errors.NotFoundException;
import com.smbhub.platform.errors.ProviderException;
import com.smbhub.platform.errors.RateLimitedException;
import com.smbhub.platform.errors.SignupClosedException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.errors.VerificationRequiredException;
import com.smbhub.platform.errors.VersionRequiredException;
import com.smbhub.platform.mail.Wording;
import com.smbhub.platform.security.NotAMemberException;
import com.smbhub.platform.security.PermissionDeniedException;
import com.smbhub.platform.tenancy.TenantMissingException;
import com.smbhub.profile.CapabilityDisabledException;
import com.smbhub.quote.QuoteView;
import com.smbhub.tenant.BusinessSettingsService;
import com.smbhub.tenant.TeamService;
import com.smbhub.workitem.WorkItemView;
import jakarta.ejb.EJBException;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import jakarta.resource.ResourceException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.io.StringReader;
import java.net.ConnectException;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every failure leaves as the PRD error envelope; nothing a client sends ends in a stack trace. */
@Provider
public class ErrorMappers implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger("smbhub.api");

    @Override
    public Response toResponse(Throwable thrown) {
        Throwable error = unwrap(thrown);
        if (error instanceof ValidationException e) {
            return Envelope.error(400, "VALIDATION_ERROR", e.getMessage(), e.errors());
        }
        if (error instanceof PermissionDeniedException || error instanceof NotAMemberException
                || error instanceof TenantMissingException) {
            return Envelope.error(403, "FORBIDDEN", error.getMessage());
        }
        if (error instanceof VerificationRequiredException) {
            return Envelope.error(403, "EMAIL_NOT_VERIFIED", error.getMessage());
        }
        if (error instanceof SignupClosedException) {
            return Envelope.error(403, "SIGNUP_CLOSED", error.getMessage());
        }
        if (error instanceof RateLimitedException e) {
            return Response.fromResponse(Envelope.error(429, "RATE_LIMITED", e.getMessage()))
                    .header("Retry-After", Math.max(1, e.retryAfter().toSeconds())).build();
        }
        if (error instanceof ContactService.DuplicateContactException e) {
            JsonArrayBuilder matches = Jsonp.createArrayBuilder();
            ((List<?>) e.current()).forEach(c -> matches.add(ContactsResource.json((ContactView) c)));
            return conflict(e, "CONFLICT", matches.build());
        }
        if (error instanceof AiDraftService.SimilarWorkException e) {
            JsonArrayBuilder similar = Jsonp.createArrayBuilder();
            ((List<?>) e.current()).forEach(w -> similar.add(WorkItemsResource.json((WorkItemView) w)));
            return conflict(e, "SIMILAR_WORK", similar.build());
        }
        if (error instanceof ConflictException e) {
            Object now = e.current();
            JsonValue current = now instanceof ContactView c ? ContactsResource.json(c)
                    : now instanceof WorkItemView w ? WorkItemsResource.json(w)
                    : now instanceof InvoiceView i ? InvoicesResource.jsonOf(i)
                    : now instanceof QuoteView q ? QuotesResource.jsonOf(q)
                    : now instanceof BusinessSettingsService.Settings s ? SettingsResource.json(s)
                    : now instanceof Wording.Template t ? TemplatesResource.json(t)
                    : now instanceof TeamService.Member m ? TeamResource.json(m)
                    : now instanceof AiDraftView d ? AiDraftsResource.json(d)
                    : JsonValue.NULL;
            return conflict(e, "CONFLICT", current);
        }
        if (error instanceof VersionRequiredException) {
            return Envelope.error(428, "PRECONDITION_REQUIRED", error.getMessage());
        }
        if (error instanceof ProviderException) {
            return Envelope.error(502, "PROVIDER_ERROR", error.getMessage());
        }
        if (error instanceof CapabilityDisabledException) {
            return Envelope.error(403, "CAPABILITY_DISABLED", error.getMessage());
        }
        if (error instanceof NotFoundException) {
            return Envelope.error(404, "NOT_FOUND", error.getMessage());
        }
        if (error instanceof WebApplicationException e) {
            int status = e.getResponse().getStatus();
            return Envelope.error(status, code(status), message(status));
        }
        if (databaseUnreachable(error)) {
            LOG.warning("request_id=" + ApiRequest.currentId() + " database unreachable: " + error);
            return Response.fromResponse(Envelope.error(503, "UNAVAILABLE",
                    "We cannot reach our database for a moment; nothing was changed, try again")).header("Retry-After", "5").build();
        }
        LOG.log(Level.SEVERE, "request_id=" + ApiRequest.currentId() + " failed", error);
        return Envelope.error(500, "INTERNAL_ERROR", "Something went wrong on our side; quote the request id");
    }

    /** 409 with the current object (or the duplicates, or the similar work) under "data". */
    private static Response conflict(RuntimeException e, String code, JsonValue current) {
        Response envelope = Envelope.error(409, code, e.getMessage());
        try (var reader = Jsonp.createReader(new StringReader((String) envelope.getEntity()))) {
            String body = Jsonp.createObjectBuilder(reader.readObject()).add("data", current).build().toString();
            return Response.fromResponse(envelope).entity(body).build();
        }
    }

    /** The database restarting or out of reach (connection refused, closed, shut down): a moment's outage, not a bug. */
    public static boolean databaseUnreachable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String state = t instanceof SQLException s ? s.getSQLState() : null;
            if (state != null && (state.startsWith("08") || state.startsWith("57P"))
                    || t instanceof ConnectException || t instanceof ResourceException
                    || t instanceof jakarta.transaction.SystemException // the commit itself lost its connection
                    || String.valueOf(t.getMessage()).contains("Error in allocating a connection")) {
                return true;
            }
        }
        return false;
    }

    private static Throwable unwrap(Throwable error) {
        while (error instanceof EJBException && error.getCause() != null) {
            error = error.getCause();
        }
        return error;
    }

    static String code(int status) {
        return switch (status) {
            case 400 -> "VALIDATION_ERROR";
            case 401 -> "UNAUTHORIZED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406, 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 409 -> "CONFLICT";
            case 429 -> "RATE_LIMITED";
            case 503 -> "UNAVAILABLE";
            default -> status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
        };
    }

    private static String message(int status) {
        return switch (status) {
            case 401 -> "Sign in: send a valid bearer token";
            case 404 -> "No such resource";
            case 405 -> "This method is not allowed here";
            case 406, 415 -> "Send and accept application/json";
            default -> "The request could not be processed";
        };
    }
}
