package com.smbhub.contact;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether two contacts' names are the same person's: a shared phone alone is not (a family's home line, an office's
 * main number), a shared phone and a similar name is. Similar: after case, accents, punctuation and initials are set
 * aside, one name's words are all in the other's ("Jane Doe", "jane doe", "Doe, Jane", "Jane M. Doe").
 */
final class SimilarNames {

    private SimilarNames() {
    }

    static boolean similar(String a, String b) {
        Set<String> one = words(a);
        Set<String> two = words(b);
        if (one.isEmpty() || two.isEmpty()) {
            return false;
        }
        return one.size() <= two.size() ? two.containsAll(one) : one.containsAll(two);
    }

    /** The name's words of two letters or more, lower case, without accents. */
    private static Set<String> words(String name) {
        if (name == null) {
            return Set.of();
        }
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        return Arrays.stream(plain.split("[^\\p{L}\\p{N}]+")).filter(w -> w.length() > 1).collect(Collectors.toSet());
    }
}
