package com.smbhub.payment;

import com.smbhub.platform.status.Tone;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A payment's lifecycle, stored as these names: a card payment may wait (PENDING) and then SUCCEED or
 * FAIL; a succeeded payment may be REFUNDED (all of it; a part refund keeps it SUCCEEDED with the
 * refunded amount). The one table of what each state allows.
 */
public enum PaymentStatus implements Tone.Toned {
    PENDING, SUCCEEDED, FAILED, REFUNDED;

    /** What the state means at a glance (its badge's colour). */
    @Override
    public Tone tone() {
        return switch (this) {
            case PENDING -> Tone.UNDER_WAY;
            case SUCCEEDED -> Tone.DONE;
            case FAILED -> Tone.ACT;
            case REFUNDED -> Tone.QUIET;
        };
    }

    public enum Action {
        /** The provider's final word on a waiting payment. */
        SETTLE,
        /** Give (more of) the money back. */
        REFUND
    }

    private static final Map<PaymentStatus, Set<Action>> ALLOWED = new EnumMap<>(PaymentStatus.class);

    static {
        ALLOWED.put(PENDING, EnumSet.of(Action.SETTLE));
        ALLOWED.put(SUCCEEDED, EnumSet.of(Action.REFUND));
        ALLOWED.put(FAILED, EnumSet.noneOf(Action.class));
        ALLOWED.put(REFUNDED, EnumSet.noneOf(Action.class));
    }

    /** What a client's receipt lists: money that came in, refunded or not. */
    public static final List<PaymentStatus> RECEIVED = List.of(SUCCEEDED, REFUNDED);

    public boolean allows(Action action) {
        return ALLOWED.get(this).contains(action);
    }

    /** After a refund brought the refunded total to {@code refunded}: REFUNDED once all of it went back. */
    PaymentStatus afterRefunded(BigDecimal refunded, BigDecimal amount) {
        return refunded.compareTo(amount) >= 0 ? REFUNDED : this;
    }

    public static List<String> names(List<PaymentStatus> statuses) {
        return statuses.stream().map(Enum::name).toList();
    }
}
