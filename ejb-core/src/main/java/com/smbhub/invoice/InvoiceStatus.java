package com.smbhub.invoice;

import com.smbhub.money.DocumentStatus;
import com.smbhub.platform.status.Tone;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An invoice's lifecycle (PRD 12.2 C), stored as these names: DRAFT → SENT → PARTIALLY_PAID → PAID,
 * VOID from DRAFT or SENT. OVERDUE is derived (awaiting payment, past its due date in the business's
 * day) and never stored; what an overdue invoice allows is what its stored state allows. The one table
 * of what each state allows; who may do an action is the permission matrix's.
 */
public enum InvoiceStatus implements DocumentStatus, Tone.Toned {
    DRAFT, SENT, PARTIALLY_PAID, PAID, VOID, OVERDUE;

    /** What the state means at a glance (its badge's colour). */
    @Override
    public Tone tone() {
        return switch (this) {
            case DRAFT, VOID -> Tone.QUIET;
            case SENT, PARTIALLY_PAID -> Tone.UNDER_WAY;
            case PAID -> Tone.DONE;
            case OVERDUE -> Tone.ACT;
        };
    }

    /** What can be done to an invoice; {@code allowed_actions} names them in lower case. */
    public enum Action {
        UPDATE, SHARE_LINK, SEND, REMIND, HOLD_REMINDERS, RESUME_REMINDERS, PAY, PAYMENT_LINK, VOID;

        public String apiName() {
            return name().toLowerCase();
        }
    }

    private static final Map<InvoiceStatus, Set<Action>> ALLOWED = new EnumMap<>(InvoiceStatus.class);

    static {
        ALLOWED.put(DRAFT, EnumSet.of(Action.UPDATE, Action.SEND, Action.SHARE_LINK, Action.PAYMENT_LINK, Action.VOID));
        ALLOWED.put(SENT, EnumSet.of(Action.SEND, Action.SHARE_LINK, Action.REMIND, Action.HOLD_REMINDERS,
                Action.RESUME_REMINDERS, Action.PAY, Action.PAYMENT_LINK, Action.VOID));
        ALLOWED.put(PARTIALLY_PAID, EnumSet.of(Action.SEND, Action.SHARE_LINK, Action.REMIND, Action.HOLD_REMINDERS,
                Action.RESUME_REMINDERS, Action.PAY, Action.PAYMENT_LINK));
        ALLOWED.put(PAID, EnumSet.of(Action.SHARE_LINK));
        ALLOWED.put(VOID, EnumSet.noneOf(Action.class));
        ALLOWED.put(OVERDUE, EnumSet.noneOf(Action.class)); // shown only; the stored state decides
    }

    /** Sent and not fully paid: counted as unpaid, can become overdue. */
    public static final List<InvoiceStatus> AWAITING_PAYMENT = List.of(SENT, PARTIALLY_PAID);

    /** The statuses a list filters by, in the order a reader expects. */
    public static final List<String> FILTERS = names(List.of(DRAFT, SENT, OVERDUE, PARTIALLY_PAID, PAID, VOID));

    public boolean allows(Action action) {
        return ALLOWED.get(this).contains(action);
    }

    /** A draft: the only state whose lines and dates may change. */
    @Override
    public boolean editable() {
        return allows(Action.UPDATE);
    }

    public boolean awaitingPayment() {
        return AWAITING_PAYMENT.contains(this);
    }

    /** The state a reader sees: OVERDUE when awaiting payment and past the due date in the business's day. */
    public InvoiceStatus effective(LocalDate dueDate, LocalDate today) {
        return awaitingPayment() && dueDate != null && dueDate.isBefore(today) ? OVERDUE : this;
    }

    /** After sending: a draft becomes SENT; a sent or part-paid invoice keeps its state. */
    @Override
    public InvoiceStatus afterSend() {
        return this == DRAFT ? SENT : this;
    }

    /** After a payment or a refund changed what was paid. */
    InvoiceStatus afterPayment(BigDecimal amountPaid, BigDecimal amountDue) {
        if (amountDue.signum() <= 0) {
            return PAID;
        }
        if (amountPaid.signum() > 0) {
            return PARTIALLY_PAID;
        }
        return this == DRAFT ? DRAFT : SENT;
    }

    /** A stored or requested name (OVERDUE only as a filter); unknown names are {@code null}. */
    public static InvoiceStatus of(String name) {
        return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    public static List<String> names(List<InvoiceStatus> statuses) {
        return statuses.stream().map(Enum::name).toList();
    }
}
