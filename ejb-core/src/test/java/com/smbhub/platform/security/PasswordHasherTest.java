package com.smbhub.platform.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    @Test
    void theRightPasswordVerifiesAndAWrongOneDoesNot() {
        String hash = PasswordHasher.hash("correct horse".toCharArray());
        assertTrue(PasswordHasher.verify("correct horse".toCharArray(), hash));
        assertFalse(PasswordHasher.verify("correct horsE".toCharArray(), hash));
    }

    @Test
    void samePasswordGetsADifferentSaltEachTime() {
        assertNotEquals(PasswordHasher.hash("x".toCharArray()), PasswordHasher.hash("x".toCharArray()));
    }

    @Test
    void malformedStoredHashesNeverVerify() {
        assertFalse(PasswordHasher.verify("x".toCharArray(), null));
        assertFalse(PasswordHasher.verify("x".toCharArray(), "plain"));
        assertFalse(PasswordHasher.verify("x".toCharArray(), "MD5:1:AA==:AA=="));
    }
}
