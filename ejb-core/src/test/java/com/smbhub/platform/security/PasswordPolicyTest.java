package com.smbhub.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"short", "1234567890", "Password2024!", "qwertyuiop", "P@ssw0rd123", "aaaaaaaaaaaa",
        "abababababab", "iloveyou!!!", "!!letmein2025", "0987654321", "ABCDEFGHIJKL", "Welcome1234567"})
    void commonRunsAndShortOnesAreRefused(String password) {
        assertNotNull(PasswordPolicy.problem(password.toCharArray()), password);
        assertEquals(0, PasswordPolicy.strength(password.toCharArray()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"copper kettle 42", "a-long-password-1", "Tr0mbone!Marsh", "vier blaue Pferde"})
    void ordinaryGoodOnesPass(String password) {
        assertNull(PasswordPolicy.problem(password.toCharArray()), password);
        assertTrue(PasswordPolicy.strength(password.toCharArray()) >= 1);
    }

    @Test
    void theEmailOrBusinessNameIsNotAPassword() {
        assertNotNull(PasswordPolicy.problem("northsideplumbing1".toCharArray(), "sam@example.com", "Northside Plumbing"));
        assertNotNull(PasswordPolicy.problem("samwise.gamgee!".toCharArray(), "samwise.gamgee@example.com"));
        assertNull(PasswordPolicy.problem("rivers and copper pipes".toCharArray(), "sam@example.com", "Northside Plumbing"));
    }

    @Test
    void longerAndMixedIsStronger() {
        assertEquals(1, PasswordPolicy.strength("copperkettle".toCharArray()));
        assertEquals(4, PasswordPolicy.strength("Copper-kettle-on-the-stove-42".toCharArray()));
        assertEquals("Strong", PasswordPolicy.strengthLabel(4));
    }

    @Test
    void boundsAreTenToTwoHundred() {
        assertNotNull(PasswordPolicy.problem("x".repeat(201).toCharArray()));
        assertNotNull(PasswordPolicy.problem(null));
    }
}
