package com.smbhub.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smbhub.platform.errors.SignupClosedException;
import org.junit.jupiter.api.Test;

class SignupServiceTest {

    @Test
    void aBusinessSlugIsItsNameInPlainLowerCaseWords() {
        assertEquals("northside-plumbing", SignupService.slugBase("Northside Plumbing"));
        assertEquals("cafe-creme-co", SignupService.slugBase("  Café Crème & Co. "));
        assertEquals("business", SignupService.slugBase("東京"));
        assertEquals("a".repeat(40), SignupService.slugBase("a".repeat(60)));
        assertEquals("o-brien-sons", SignupService.slugBase("O'Brien + Sons!!"));
    }

    @Test
    void onlyAnOpenInstallationTakesSignUpsAndAnyOtherSettingIsClosed() {
        Signup form = new Signup("Pat", "pat@example.com", "copper kettle 42".toCharArray(), "Pat's", "general", "CA",
                "America/Toronto", "CAD");
        SignupService invite = service(" Invite ");
        assertFalse(invite.open());
        assertTrue(assertThrows(SignupClosedException.class, () -> invite.signup(form)).getMessage().contains("by invitation"));
        SignupService closed = service("closed");
        assertEquals("Sign-up is closed here", assertThrows(SignupClosedException.class, () -> closed.signup(form)).getMessage());
        assertFalse(service("opne").open(), "a mistyped setting closes sign-up rather than opening it");
        assertTrue(service("OPEN").open());
    }

    private static SignupService service(String mode) {
        SignupService service = new SignupService();
        service.mode = mode;
        return service;
    }
}
