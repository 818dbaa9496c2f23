package com.smbhub.aidraft;

import com.smbhub.platform.status.Tone;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Text-to-Task draft's lifecycle (PRD 12.2 E), stored as these names: PENDING_QC → APPROVED → APPLIED, or
 * → REJECTED. A person applies a pending draft in one click (approval and apply together); applying an applied
 * draft opens the object it made (PRD: apply is idempotent). The one table of what each state allows; who may
 * is the permission matrix's.
 */
public enum AiDraftStatus implements Tone.Toned {
    PENDING_QC, APPROVED, APPLIED, REJECTED;

    /** What the state means at a glance (its badge's colour). */
    @Override
    public Tone tone() {
        return switch (this) {
            case PENDING_QC -> Tone.UNDER_WAY;
            case APPROVED, APPLIED -> Tone.DONE;
            case REJECTED -> Tone.ACT;
        };
    }

    /** What can be done to a draft; {@code allowed_actions} names them in lower case. */
    public enum Action {
        EDIT, APPROVE, APPLY, REJECT, SEND_TO_QC;

        public String apiName() {
            return name().toLowerCase();
        }
    }

    private static final Map<AiDraftStatus, Set<Action>> ALLOWED = new EnumMap<>(AiDraftStatus.class);

    static {
        ALLOWED.put(PENDING_QC, EnumSet.of(Action.EDIT, Action.APPROVE, Action.APPLY, Action.REJECT, Action.SEND_TO_QC));
        ALLOWED.put(APPROVED, EnumSet.of(Action.EDIT, Action.APPLY, Action.REJECT));
        ALLOWED.put(APPLIED, EnumSet.of(Action.APPLY)); // opens the object it made
        ALLOWED.put(REJECTED, EnumSet.noneOf(Action.class));
    }

    /** Not decided yet: one per source at a time, listed in the QC queue when sent there. */
    public static final List<AiDraftStatus> OPEN = List.of(PENDING_QC, APPROVED);

    public boolean allows(Action action) {
        return ALLOWED.get(this).contains(action);
    }

    /** The state an allowed action leads to (edit and sending to QC keep it). */
    public AiDraftStatus after(Action action) {
        if (!allows(action)) {
            throw new IllegalStateException(action + " is not allowed on a " + this + " draft");
        }
        return switch (action) {
            case APPROVE -> APPROVED;
            case APPLY -> APPLIED;
            case REJECT -> REJECTED;
            case EDIT, SEND_TO_QC -> this;
        };
    }

    /** A stored or requested name; unknown names are {@code null}. */
    public static AiDraftStatus of(String name) {
        return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }
}
