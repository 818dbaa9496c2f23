package com.smbhub.web.work;

import static com.smbhub.web.Components.byId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.smbhub.platform.errors.ValidationException.FieldError;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.security.Role;
import com.smbhub.profile.EffectiveProfile;
import com.smbhub.profile.ProfileMerger;
import com.smbhub.profile.ProfileSchema;
import com.smbhub.tenant.TeamService;
import com.smbhub.web.Components;
import com.smbhub.workitem.WorkItemDraft;
import com.smbhub.workitem.WorkItemView;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The work item forms as plain objects: what they show, the draft they give, the service's errors at their fields. */
class WorkItemFormTest {

    private static final EffectiveProfile GENERAL = new EffectiveProfile("general", 1,
            ProfileMerger.merge(ProfileSchema.shipped("base"), ProfileSchema.shipped("general")));
    private static final ZoneId TORONTO = ZoneId.of("America/Toronto");
    private static final TeamService.Member SAM = new TeamService.Member("m-1", "u-sam", "sam@example.com", "Sam", Role.STAFF,
            "ACTIVE", 1);

    private static WorkItemView item(List<String> actions) {
        return new WorkItemView("w-1", "JOB", "Fix the boiler", null, "NEW", "NORMAL", null, null,
                Instant.parse("2026-12-03T15:00:00Z"), "u-sam", "manual", null, Map.of("service_address", "12 Elm St", "old", "kept"),
                3, Instant.EPOCH, Instant.EPOCH, actions, List.of("IN_PROGRESS"));
    }

    @Test
    void anItemOpensWithItsFieldsInTheBusinesssZoneAndGivesBackWhatWasTyped() {
        WorkItemForm form = new WorkItemForm(item(List.of("update", "assign")), GENERAL, List.of(SAM), Components.contacts(),
                TORONTO);
        assertEquals("12 Elm St", byId(form, "wi-edit-label-service_address", TextField.class).getValue());
        byId(form, "wi-edit-title", TextField.class).setValue("Fix the boiler today");
        byId(form, "wi-edit-label-service_address", TextField.class).setValue("  ");
        byId(form, "wi-edit-label-location_note", TextField.class).setValue(" Side door ");
        @SuppressWarnings("unchecked")
        Select<String> priority = byId(form, "wi-edit-priority", Select.class);
        priority.setValue("URGENT");
        WorkItemDraft draft = form.draft();
        assertEquals("Fix the boiler today", draft.title());
        assertEquals("URGENT", draft.priority());
        assertEquals("u-sam", draft.assignedTo());
        assertEquals(Instant.parse("2026-12-03T15:00:00Z"), draft.dueAt(), "10:00 in Toronto round-trips");
        assertEquals(Map.of("location_note", "Side door", "old", "kept"), draft.labels(),
                "a cleared field is removed, one the form does not show is kept");
    }

    @Test
    void theServicesErrorsLandAtTheirFieldsIncludingTheProfilesOwn() {
        WorkItemForm form = new WorkItemForm(item(List.of("update")), GENERAL, List.of(SAM), Components.contacts(), TORONTO);
        form.show(new ValidationException(List.of(new FieldError("title", "Required"),
                new FieldError("labels_json.service_address", "Too long"))));
        assertTrue(byId(form, "wi-edit-title", TextField.class).isInvalid());
        assertEquals("Too long", byId(form, "wi-edit-label-service_address", TextField.class).getErrorMessage());
        form.clearErrors();
        assertFalse(byId(form, "wi-edit-title", TextField.class).isInvalid());
    }

    @Test
    void withoutTheRightToChangeItEverythingIsReadOnly() {
        WorkItemForm form = new WorkItemForm(item(List.of()), GENERAL, List.of(SAM), Components.contacts(), TORONTO);
        assertTrue(byId(form, "wi-edit-title", TextField.class).isReadOnly());
        assertTrue(byId(form, "wi-edit-contact", ComboBox.class).isReadOnly());
        assertFalse(byId(form, "wi-edit-assignee", Select.class).isEnabled());
    }

    @Test
    void aNewItemTakesTheProfilesTypeAndLeavesEmptyFieldsOut() {
        NewWorkItemForm form = new NewWorkItemForm("Leaky tap", GENERAL, Components.contacts(), TORONTO);
        byId(form, "wi-label-location_note", TextField.class).setValue("Back door");
        WorkItemDraft draft = form.draft();
        assertEquals("Leaky tap", draft.title());
        assertEquals(GENERAL.defaultWorkItemType(), draft.type());
        assertEquals(Map.of("location_note", "Back door"), draft.labels());
        assertFalse(form.hasClientForInvoice());
        assertEquals("Choose the client the invoice is for", byId(form, "wi-contact", ComboBox.class).getErrorMessage());
        form.show(new ValidationException(List.of(new FieldError("type", "Unknown type"))));
        assertTrue(byId(form, "wi-type", Select.class).isInvalid());
    }

    @Test
    void aDueTimeIsReadInTheBusinesssZone() {
        NewWorkItemForm form = new NewWorkItemForm("Call back", GENERAL, Components.contacts(), TORONTO);
        byId(form, "wi-due", DateTimePicker.class)
                .setValue(LocalDateTime.of(2026, 7, 1, 9, 0));
        assertEquals(Instant.parse("2026-07-01T13:00:00Z"), form.draft().dueAt());
    }
}
