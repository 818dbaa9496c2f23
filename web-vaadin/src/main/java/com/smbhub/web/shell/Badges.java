package com.smbhub.web.shell;

import com.vaadin.flow.component.html.Span;
import java.util.Map;

/**
 * A status in a list as a coloured badge, one colour per meaning for every kind of record: green when the money
 * is in or the work is done, red when someone has to act (overdue, failed, refused), grey when it is over or not
 * out yet (draft, void, refunded, expired, canceled), blue while it is under way.
 */
public final class Badges {

    private static final Map<String, String> TONE = Map.ofEntries(
            Map.entry("PAID", "success"), Map.entry("SUCCEEDED", "success"), Map.entry("APPROVED", "success"),
            Map.entry("CONVERTED", "success"), Map.entry("DONE", "success"), Map.entry("APPLIED", "success"),
            Map.entry("OVERDUE", "error"), Map.entry("FAILED", "error"), Map.entry("REJECTED", "error"),
            Map.entry("DRAFT", "contrast"), Map.entry("VOID", "contrast"), Map.entry("REFUNDED", "contrast"),
            Map.entry("EXPIRED", "contrast"), Map.entry("CANCELED", "contrast"), Map.entry("DISMISSED", "contrast"));

    private Badges() {
    }

    /** The badge of status {@code code}, reading {@code text}. */
    public static Span of(String code, String text) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add(theme(code));
        return badge;
    }

    /** The status in words ("Needs approval"). */
    public static Span of(String code) {
        return of(code, Words.of(code));
    }

    static String theme(String code) {
        String tone = code == null ? null : TONE.get(code);
        return tone == null ? "badge" : "badge " + tone;
    }
}
