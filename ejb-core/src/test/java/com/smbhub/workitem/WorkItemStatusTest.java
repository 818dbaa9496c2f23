package com.smbhub.workitem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.profile.EffectiveProfile;
import com.smbhub.profile.ProfileMerger;
import com.smbhub.profile.ProfileSchema;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkItemStatusTest {

    private static final EffectiveProfile GENERAL = new EffectiveProfile("general", 1,
            ProfileMerger.merge(ProfileSchema.shipped("base"), ProfileSchema.shipped("general")));

    /** The table as a reader states it: every (from, to) pair not listed here is refused. */
    private static final Map<WorkItemStatus, Set<WorkItemStatus>> EXPECTED = Map.of(
            WorkItemStatus.NEW, EnumSet.of(WorkItemStatus.IN_PROGRESS, WorkItemStatus.NEEDS_APPROVAL, WorkItemStatus.WAITING,
                    WorkItemStatus.DONE, WorkItemStatus.CANCELED),
            WorkItemStatus.IN_PROGRESS, EnumSet.of(WorkItemStatus.NEEDS_APPROVAL, WorkItemStatus.WAITING, WorkItemStatus.DONE,
                    WorkItemStatus.CANCELED),
            WorkItemStatus.NEEDS_APPROVAL, EnumSet.of(WorkItemStatus.IN_PROGRESS, WorkItemStatus.WAITING, WorkItemStatus.DONE,
                    WorkItemStatus.CANCELED),
            WorkItemStatus.WAITING, EnumSet.of(WorkItemStatus.IN_PROGRESS, WorkItemStatus.NEEDS_APPROVAL, WorkItemStatus.DONE,
                    WorkItemStatus.CANCELED),
            WorkItemStatus.DONE, EnumSet.of(WorkItemStatus.IN_PROGRESS),
            WorkItemStatus.CANCELED, EnumSet.of(WorkItemStatus.NEW));

    @Test
    void everyPairOfStatesIsAllowedOrRefusedAsTheTableSays() {
        for (WorkItemStatus from : WorkItemStatus.values()) {
            for (WorkItemStatus to : WorkItemStatus.values()) {
                if (EXPECTED.get(from).contains(to)) {
                    assertEquals(to, from.moveTo(to.name(), GENERAL), from + " -> " + to);
                } else {
                    ValidationException e = assertThrows(ValidationException.class, () -> from.moveTo(to.name(), GENERAL),
                            from + " -> " + to);
                    assertEquals("status", e.errors().get(0).field());
                }
            }
        }
    }

    @Test
    void anUnknownStatusIsRefusedAtTheField() {
        ValidationException e = assertThrows(ValidationException.class, () -> WorkItemStatus.NEW.moveTo("FINISHED", GENERAL));
        assertEquals("Unknown status", e.errors().get(0).message());
        assertEquals(null, WorkItemStatus.of(null));
    }

    @Test
    void onlyUnfinishedWorkIsOpen() {
        assertEquals(List.of(WorkItemStatus.NEW, WorkItemStatus.IN_PROGRESS, WorkItemStatus.NEEDS_APPROVAL, WorkItemStatus.WAITING),
                WorkItemStatus.OPEN);
    }

    @Test
    void aProfileWithoutAStatusNeverOffersIt() {
        ObjectMapper json = new ObjectMapper();
        EffectiveProfile noWaiting = new EffectiveProfile("x", 1, ProfileMerger.merge(ProfileSchema.shipped("base"),
                json.createObjectNode().set("workflows", json.valueToTree(Map.of("work_item_statuses",
                        List.of("NEW", "IN_PROGRESS", "DONE", "CANCELED"))))));
        assertEquals(List.of(WorkItemStatus.IN_PROGRESS, WorkItemStatus.DONE, WorkItemStatus.CANCELED),
                WorkItemStatus.NEW.next(noWaiting));
        assertThrows(ValidationException.class, () -> WorkItemStatus.NEW.moveTo("WAITING", noWaiting));
    }
}
