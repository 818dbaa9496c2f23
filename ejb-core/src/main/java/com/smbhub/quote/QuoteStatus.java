package com.smbhub.quote;

import com.smbhub.money.DocumentStatus;
import com.smbhub.platform.status.Tone;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A quote's lifecycle (PRD 12.2 B), stored as these names: DRAFT → SENT → APPROVED → CONVERTED, or
 * SENT → REJECTED. EXPIRED is derived (sent, unanswered, past its expiry date in the business's day)
 * and never stored. The one table of what each state allows; who may is the permission matrix's.
 */
public enum QuoteStatus implements DocumentStatus, Tone.Toned {
    DRAFT, SENT, APPROVED, REJECTED, CONVERTED, EXPIRED;

    /** What the state means at a glance (its badge's colour). */
    @Override
    public Tone tone() {
        return switch (this) {
            case DRAFT, EXPIRED -> Tone.QUIET;
            case SENT -> Tone.UNDER_WAY;
            case APPROVED, CONVERTED -> Tone.DONE;
            case REJECTED -> Tone.ACT;
        };
    }

    /** What can be done to a quote; {@code allowed_actions} names them in lower case. */
    public enum Action {
        UPDATE, SEND, SHARE_LINK, APPROVE, REJECT, CONVERT_TO_INVOICE;

        public String apiName() {
            return name().toLowerCase();
        }
    }

    private static final Map<QuoteStatus, Set<Action>> ALLOWED = new EnumMap<>(QuoteStatus.class);

    static {
        ALLOWED.put(DRAFT, EnumSet.of(Action.UPDATE, Action.SEND, Action.SHARE_LINK));
        ALLOWED.put(SENT, EnumSet.of(Action.SEND, Action.SHARE_LINK, Action.APPROVE, Action.REJECT));
        ALLOWED.put(APPROVED, EnumSet.of(Action.CONVERT_TO_INVOICE));
        ALLOWED.put(REJECTED, EnumSet.noneOf(Action.class));
        ALLOWED.put(CONVERTED, EnumSet.of(Action.CONVERT_TO_INVOICE)); // opens the invoice it became
        ALLOWED.put(EXPIRED, EnumSet.noneOf(Action.class));
    }

    /** The statuses a list filters by, in the order a reader expects. */
    public static final List<String> FILTERS = Stream.of(DRAFT, SENT, APPROVED, REJECTED, EXPIRED, CONVERTED)
            .map(Enum::name).toList();

    public boolean allows(Action action) {
        return ALLOWED.get(this).contains(action);
    }

    /** A draft: the only state whose lines and dates may change. */
    @Override
    public boolean editable() {
        return allows(Action.UPDATE);
    }

    /** The state a reader sees: a sent quote past its expiry date (in the business's day) is EXPIRED. */
    public QuoteStatus effective(LocalDate expiryDate, LocalDate today) {
        return this == SENT && expiryDate != null && expiryDate.isBefore(today) ? EXPIRED : this;
    }

    /** After sending: a draft becomes SENT; a sent quote stays SENT. */
    @Override
    public QuoteStatus afterSend() {
        return this == DRAFT ? SENT : this;
    }

    /** A stored or requested name; unknown names are {@code null}. */
    public static QuoteStatus of(String name) {
        return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }
}
