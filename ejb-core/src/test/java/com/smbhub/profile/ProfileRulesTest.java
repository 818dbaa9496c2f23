package com.smbhub.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smbhub.platform.errors.ValidationException.FieldError;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileRulesTest {

    private static EffectiveProfile profile(String name) {
        ObjectNode merged = ProfileMerger.merge(ProfileSchema.shipped("base"), ProfileSchema.shipped(name));
        return new EffectiveProfile(name, 1, merged);
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    void aWorkItemNeedsATitleEverywhere() {
        var errors = ProfileRules.validate("work_item", Map.of("title", " "), ProfileRules.Operation.CREATE, profile("general"));
        assertEquals(List.of("title"), fields(errors));
    }

    @Test
    void aRetailOrderNeedsItsExternalOrderId() {
        var errors = ProfileRules.validate("work_item", Map.of("title", "Broken zip", "type", "ORDER"),
                ProfileRules.Operation.CREATE, profile("retail_pos"));
        assertEquals(List.of("labels_json.external_order_id"), fields(errors));
        var ok = ProfileRules.validate("work_item", Map.of("title", "Broken zip", "type", "ORDER",
                "labels_json", Map.of("external_order_id", "#1042")), ProfileRules.Operation.CREATE, profile("retail_pos"));
        assertTrue(ok.isEmpty(), ok.toString());
    }

    @Test
    void aRetailSupportItemDoesNotNeedAnOrderId() {
        var errors = ProfileRules.validate("work_item", Map.of("title", "Question", "type", "SUPPORT"),
                ProfileRules.Operation.CREATE, profile("retail_pos"));
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void theGeneralProfileDoesNotAskForAnOrderId() {
        var errors = ProfileRules.validate("work_item", Map.of("title", "Leak", "type", "ORDER"),
                ProfileRules.Operation.CREATE, profile("general"));
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void extensionFieldsAreTyped() {
        var errors = ProfileRules.validate("work_item", Map.of("title", "Leak", "labels_json", Map.of("service_address", 42)),
                ProfileRules.Operation.UPDATE, profile("general"));
        assertEquals(List.of("labels_json.service_address"), fields(errors));
    }

    @Test
    void invoiceRequiredFieldsComeFromTheProfile() {
        var errors = ProfileRules.validate("invoice", Map.of("contact_id", "c1", "line_items", List.of()),
                ProfileRules.Operation.TRANSITION, profile("general"));
        assertEquals(List.of("issue_date", "due_date", "line_items"), fields(errors));
    }

    @Test
    void aDisabledCapabilityFailsWithItsName() {
        EffectiveProfile general = profile("general");
        ProfileRules.requireCapability(general, "quotes");
        CapabilityDisabledException off = assertThrows(CapabilityDisabledException.class,
                () -> ProfileRules.requireCapability(general, "pos_sync"));
        assertEquals("pos_sync", off.capability());
    }

    @Test
    void labelsAndDefaultsFollowTheProfile() {
        assertEquals("Requests", profile("general").label("work_item_plural"));
        assertEquals("Orders / Issues", profile("retail_pos").label("work_item_plural"));
        assertEquals("ORDER", profile("retail_pos").defaultWorkItemType());
        assertEquals("REQUEST", profile("general").defaultWorkItemType());
    }
}
