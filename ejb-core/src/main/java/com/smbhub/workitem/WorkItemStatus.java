package com.smbhub.workitem;

import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.status.Tone;
import com.smbhub.profile.EffectiveProfile;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A work item's lifecycle (PRD 12.2), stored as these names: NEW → IN_PROGRESS → DONE, with
 * NEEDS_APPROVAL and WAITING on the way, any open state → CANCELED, and reopening. The one table of
 * moves; only statuses the business's profile lists are reachable.
 */
public enum WorkItemStatus implements Tone.Toned {
    NEW, IN_PROGRESS, NEEDS_APPROVAL, WAITING, DONE, CANCELED;

    /** What the state means at a glance (its badge's colour). */
    @Override
    public Tone tone() {
        return switch (this) {
            case NEW, IN_PROGRESS, NEEDS_APPROVAL, WAITING -> Tone.UNDER_WAY;
            case DONE -> Tone.DONE;
            case CANCELED -> Tone.QUIET;
        };
    }

    private static final Map<WorkItemStatus, Set<WorkItemStatus>> MOVES = new EnumMap<>(WorkItemStatus.class);

    static {
        MOVES.put(NEW, EnumSet.of(IN_PROGRESS, NEEDS_APPROVAL, WAITING, DONE, CANCELED));
        MOVES.put(IN_PROGRESS, EnumSet.of(NEEDS_APPROVAL, WAITING, DONE, CANCELED));
        MOVES.put(NEEDS_APPROVAL, EnumSet.of(IN_PROGRESS, WAITING, DONE, CANCELED));
        MOVES.put(WAITING, EnumSet.of(IN_PROGRESS, NEEDS_APPROVAL, DONE, CANCELED));
        MOVES.put(DONE, EnumSet.of(IN_PROGRESS));
        MOVES.put(CANCELED, EnumSet.of(NEW));
    }

    /** Not finished: counted as open work, can be late. */
    public static final List<WorkItemStatus> OPEN = List.of(NEW, IN_PROGRESS, NEEDS_APPROVAL, WAITING);

    /** Where an item in this state may go, in table order, among the statuses the profile lists. */
    public List<WorkItemStatus> next(EffectiveProfile profile) {
        List<String> listed = profile.workItemStatuses();
        return MOVES.get(this).stream().filter(s -> listed.contains(s.name())).toList();
    }

    /** Checks a requested move; an unknown name or a move the table or the profile does not allow is refused at the field. */
    public WorkItemStatus moveTo(String requested, EffectiveProfile profile) {
        WorkItemStatus to = of(requested);
        if (to == null) {
            throw new ValidationException("status", "Unknown status");
        }
        if (!next(profile).contains(to)) {
            throw new ValidationException("status", "Cannot go from " + name() + " to " + to.name());
        }
        return to;
    }

    /** A stored or requested name; unknown names are {@code null}. */
    public static WorkItemStatus of(String name) {
        return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    public static List<String> names(List<WorkItemStatus> statuses) {
        return statuses.stream().map(Enum::name).toList();
    }
}
