package com.smbhub.web.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smbhub.platform.errors.ConflictException;
import com.smbhub.platform.errors.NotFoundException;
import com.smbhub.platform.errors.ProviderException;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.security.Capability;
import com.smbhub.platform.security.PermissionDeniedException;
import jakarta.ejb.EJBException;
import org.junit.jupiter.api.Test;

/** How the back office words a service's refusal, in one place. */
class ProblemsTest {

    @Test
    void aRefusalAtAFieldSaysTheServicesOwnWords() {
        assertEquals("Choose the client", Problems.say(new ValidationException("contact_id", "Choose the client")));
    }

    @Test
    void wrappedRefusalsAreFoundBehindTheWrapper() {
        assertTrue(Problems.say(new EJBException(new NotFoundException("invoice"))).startsWith("That no longer exists"));
        assertTrue(Problems.say(new RuntimeException(new ConflictException("changed", null))).startsWith("Someone changed this"));
    }

    @Test
    void eachKindOfRefusalIsSaidPlainly() {
        assertTrue(Problems.say(new PermissionDeniedException(Capability.MONEY_VOID)).startsWith("Your role does not allow"));
        assertEquals("Stripe refused the request. Nothing was changed; try again in a moment.",
                Problems.say(new ProviderException("Stripe refused the request")));
        assertEquals("Something went wrong. Try again, or reload the page.", Problems.say(new IllegalStateException("boom")));
    }
}
