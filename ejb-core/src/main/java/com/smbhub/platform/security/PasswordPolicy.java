package com.smbhub.platform.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one rule for a new password (sign-up, reset, joining by invitation): 10 to 200 characters, not one
 * of the most common passwords (digits and symbols tacked on at the end do not make one new), not a run
 * of one key, a sequence or a keyboard row, not the person's e-mail or the business's name. Also how
 * strong an accepted one looks (the meter on the form).
 */
public final class PasswordPolicy {

    public static final int MIN = 10;
    public static final int MAX = 200;
    private static final Set<String> COMMON = load();
    private static final String[] RUNS = {"01234567890123456789", "09876543210987654321", "abcdefghijklmnopqrstuvwxyz",
        "zyxwvutsrqponmlkjihgfedcba", "qwertyuiop", "asdfghjkl", "zxcvbnm", "qwertzuiop", "azertyuiop"};

    private PasswordPolicy() {
    }

    /** Why {@code password} is refused, or null when it is accepted; {@code personal}: e-mail, names (may be null). */
    public static String problem(char[] password, String... personal) {
        if (password == null || password.length < MIN) {
            return "At least " + MIN + " characters";
        }
        if (password.length > MAX) {
            return "At most " + MAX + " characters";
        }
        String text = new String(password).toLowerCase(Locale.ROOT);
        String core = text.replaceAll("[\\d\\W_]+$", "").replaceAll("^[\\d\\W_]+", "");
        if (COMMON.contains(text) || COMMON.contains(core)) {
            return "This is one of the most used passwords; choose something only you would think of";
        }
        if (text.chars().distinct().count() <= 2 || partOfRun(text)) {
            return "Too easy to guess (repeated keys or a sequence); add different words or characters";
        }
        for (String p : personal) {
            String word = p == null ? "" : p.toLowerCase(Locale.ROOT).replaceAll("@.*$", "").replaceAll("[^\\p{L}\\p{N}]", "");
            String bare = text.replaceAll("[^\\p{L}\\p{N}]", "");
            if (word.length() >= 4 && (bare.contains(word) && bare.length() - word.length() < 6 || word.contains(bare))) {
                return "Too close to your e-mail or business name";
            }
        }
        return null;
    }

    /** 0 (refused) to 4 (strong): length and the kinds of characters used. */
    public static int strength(char[] password, String... personal) {
        if (problem(password, personal) != null) {
            return 0;
        }
        String text = new String(password);
        int kinds = (text.matches(".*\\p{Ll}.*") ? 1 : 0) + (text.matches(".*\\p{Lu}.*") ? 1 : 0)
                + (text.matches(".*\\d.*") ? 1 : 0) + (text.matches(".*[^\\p{L}\\d].*") ? 1 : 0);
        int score = 1 + (password.length >= 14 ? 1 : 0) + (password.length >= 20 ? 1 : 0) + (kinds >= 3 ? 1 : 0);
        return Math.min(4, score);
    }

    public static String strengthLabel(int strength) {
        return switch (strength) {
            case 0 -> "Not accepted";
            case 1 -> "Weak";
            case 2 -> "Fair";
            case 3 -> "Good";
            default -> "Strong";
        };
    }

    private static boolean partOfRun(String text) {
        for (String run : RUNS) {
            if (run.contains(text)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> load() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toUnmodifiableSet());
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("common-passwords.txt missing", e);
        }
    }
}
