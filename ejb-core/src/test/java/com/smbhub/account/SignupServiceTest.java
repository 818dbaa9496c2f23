package com.smbhub.account;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
