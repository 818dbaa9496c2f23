package com.smbhub.workitem;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.smbhub.platform.errors.ValidationException;
import com.smbhub.profile.EffectiveProfile;
import com.smbhub.profile.ProfileMerger;
import com.smbhub.profile.ProfileSchema;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkflowRulesTest {

    private static final EffectiveProfile GENERAL = new EffectiveProfile("general", 1,
            ProfileMerger.merge(ProfileSchema.shipped("base"), ProfileSchema.shipped("general")));

    @ParameterizedTest
    @CsvSource({"NEW, IN_PROGRESS", "IN_PROGRESS, DONE", "NEW, CANCELED", "WAITING, IN_PROGRESS",
            "NEEDS_APPROVAL, DONE", "DONE, IN_PROGRESS", "CANCELED, NEW"})
    void allowedMoves(String from, String to) {
        assertDoesNotThrow(() -> WorkflowRules.checkMove(from, to, GENERAL));
    }

    @ParameterizedTest
    @CsvSource({"DONE, CANCELED", "CANCELED, DONE", "DONE, NEW", "NEW, NEW", "NEW, FINISHED"})
    void refusedMoves(String from, String to) {
        ValidationException e = assertThrows(ValidationException.class, () -> WorkflowRules.checkMove(from, to, GENERAL));
        assertEquals("status", e.errors().get(0).field());
    }

    @Test
    void aProfileWithoutAStatusNeverOffersIt() {
        EffectiveProfile noWaiting = new EffectiveProfile("x", 1, ProfileMerger.merge(ProfileSchema.shipped("base"),
                new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().set("workflows",
                        new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(java.util.Map.of("work_item_statuses",
                                List.of("NEW", "IN_PROGRESS", "DONE", "CANCELED"))))));
        assertEquals(List.of("IN_PROGRESS", "DONE", "CANCELED"), WorkflowRules.nextStatuses("NEW", noWaiting));
    }
}
