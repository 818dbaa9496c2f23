package com.smbhub.web.shell;

import com.smbhub.platform.status.Tone;
import com.vaadin.flow.component.html.Span;

/**
 * A status in a list as a coloured badge, one colour per meaning for every kind of record: green when the money
 * is in or the work is done, red when someone has to act (overdue, failed, refused), grey when it is over or not
 * out yet (draft, void, refunded, expired, canceled), blue while it is under way.
 */
public final class Badges {

    private Badges() {
    }

    /** The badge of {@code status}, reading {@code text}. */
    public static Span of(Tone.Toned status, String text) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add(theme(status.tone()));
        return badge;
    }

    /** The status in words ("Needs approval"). */
    public static Span of(Tone.Toned status) {
        return of(status, Words.of(status.name()));
    }

    static String theme(Tone tone) {
        return switch (tone) {
            case DONE -> "badge success";
            case ACT -> "badge error";
            case QUIET -> "badge contrast";
            case UNDER_WAY -> "badge";
        };
    }
}
