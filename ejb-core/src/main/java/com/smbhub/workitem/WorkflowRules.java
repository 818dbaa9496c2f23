package com.smbhub.workitem;

import com.smbhub.platform.errors.ValidationException;
import com.smbhub.profile.EffectiveProfile;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The work item state machine (PRD 12.2): NEW → IN_PROGRESS → DONE, with NEEDS_APPROVAL and WAITING
 * on the way, any open state → CANCELED, and reopening. Only statuses the profile lists are reachable.
 */
public final class WorkflowRules {

    public static final Set<String> STATUSES = Set.of("NEW", "IN_PROGRESS", "NEEDS_APPROVAL", "WAITING", "DONE", "CANCELED");

    private static final Map<String, List<String>> MOVES = Map.of(
            "NEW", List.of("IN_PROGRESS", "NEEDS_APPROVAL", "WAITING", "DONE", "CANCELED"),
            "IN_PROGRESS", List.of("NEEDS_APPROVAL", "WAITING", "DONE", "CANCELED"),
            "NEEDS_APPROVAL", List.of("IN_PROGRESS", "WAITING", "DONE", "CANCELED"),
            "WAITING", List.of("IN_PROGRESS", "NEEDS_APPROVAL", "DONE", "CANCELED"),
            "DONE", List.of("IN_PROGRESS"),
            "CANCELED", List.of("NEW"));

    private WorkflowRules() {
    }

    public static List<String> nextStatuses(String from, EffectiveProfile profile) {
        List<String> allowed = profile.workItemStatuses();
        return MOVES.getOrDefault(from, List.of()).stream().filter(allowed::contains).toList();
    }

    public static void checkMove(String from, String to, EffectiveProfile profile) {
        if (!STATUSES.contains(to)) {
            throw new ValidationException("status", "Unknown status");
        }
        if (!nextStatuses(from, profile).contains(to)) {
            throw new ValidationException("status", "Cannot go from " + from + " to " + to);
        }
    }
}
