package com.smbhub.expense;

import com.smbhub.platform.status.Tone;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * An expense's lifecycle (PRD 2.1, 3.12), stored as these names: DRAFT → SUBMITTED → APPROVED or REJECTED; a
 * rejected expense is corrected (back to DRAFT) and submitted again. The one table of what each state allows;
 * who may is the permission matrix's.
 */
public enum ExpenseStatus implements Tone.Toned {
    DRAFT, SUBMITTED, APPROVED, REJECTED;

    /** What the state means at a glance (its badge's colour). */
    @Override
    public Tone tone() {
        return switch (this) {
            case DRAFT -> Tone.QUIET;
            case SUBMITTED -> Tone.UNDER_WAY;
            case APPROVED -> Tone.DONE;
            case REJECTED -> Tone.ACT;
        };
    }

    /** What can be done to an expense; {@code allowed_actions} names them in lower case. */
    public enum Action {
        EDIT, SUBMIT, APPROVE, REJECT, DELETE;

        public String apiName() {
            return name().toLowerCase();
        }
    }

    private static final Map<ExpenseStatus, Set<Action>> ALLOWED = new EnumMap<>(ExpenseStatus.class);

    static {
        ALLOWED.put(DRAFT, EnumSet.of(Action.EDIT, Action.SUBMIT, Action.DELETE));
        ALLOWED.put(SUBMITTED, EnumSet.of(Action.APPROVE, Action.REJECT));
        ALLOWED.put(APPROVED, EnumSet.noneOf(Action.class));
        ALLOWED.put(REJECTED, EnumSet.of(Action.EDIT, Action.DELETE));
    }

    public boolean allows(Action action) {
        return ALLOWED.get(this).contains(action);
    }

    /** The state an allowed action leads to (editing a rejected expense makes it a draft again). */
    public ExpenseStatus after(Action action) {
        if (!allows(action)) {
            throw new IllegalStateException(action + " is not allowed on a " + this + " expense");
        }
        return switch (action) {
            case EDIT -> DRAFT;
            case SUBMIT -> SUBMITTED;
            case APPROVE -> APPROVED;
            case REJECT -> REJECTED;
            case DELETE -> this;
        };
    }

    /** A stored or requested name; unknown names are {@code null}. */
    public static ExpenseStatus of(String name) {
        return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }
}
