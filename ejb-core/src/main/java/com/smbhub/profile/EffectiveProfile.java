package com.smbhub.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A business's effective profile: merge(base, its profile, its overrides). Immutable; read it
 * through the accessors (the tree itself is a private copy).
 */
public final class EffectiveProfile implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String profileId;
    private final int version;
    private final String json;
    private transient ObjectNode tree;

    public EffectiveProfile(String profileId, int version, ObjectNode tree) {
        this.profileId = profileId;
        this.version = version;
        this.tree = tree.deepCopy();
        this.json = tree.toString();
    }

    /** A field the profile adds to work items (extensions.work_item_fields). */
    public record ExtraField(String key, String type, boolean required, String label, List<String> forTypes) {
        public boolean appliesTo(String workItemType) {
            return forTypes.isEmpty() || forTypes.contains(workItemType);
        }
    }

    public String profileId() {
        return profileId;
    }

    public int version() {
        return version;
    }

    public String label(String key) {
        JsonNode value = tree().path("labels").get(key);
        return value != null && value.isTextual() ? value.asText() : key;
    }

    public boolean capability(String name) {
        return tree().path("capabilities").path(name).asBoolean(false);
    }

    /** Required fields for an entity, and for one of its types ("work_item" + "ORDER"). */
    public List<String> requiredFields(String entity, String type) {
        List<String> fields = new ArrayList<>();
        tree().path("required_fields").path(entity).forEach(f -> fields.add(f.asText()));
        if (type != null) {
            tree().path("required_fields").path(entity + ":" + type).forEach(f -> {
                if (!fields.contains(f.asText())) {
                    fields.add(f.asText());
                }
            });
        }
        return fields;
    }

    public String defaultWorkItemType() {
        return tree().path("workflows").path("default_work_item_type").asText("REQUEST");
    }

    public String defaultWorkItemStatus() {
        return tree().path("workflows").path("default_work_item_status").asText("NEW");
    }

    public List<String> workItemStatuses() {
        List<String> statuses = new ArrayList<>();
        tree().path("workflows").path("work_item_statuses").forEach(s -> statuses.add(s.asText()));
        return statuses;
    }

    public boolean arRemindersEnabled() {
        return tree().path("automations").path("ar_reminders").path("enabled").asBoolean(false);
    }

    /** The hour of the business's day from which the day's AR reminders go out (9 unless the business chose another). */
    public int arSendHour() {
        return tree().path("automations").path("ar_reminders").path("send_hour").asInt(9);
    }

    /** Days after the due date on which AR reminders go out. */
    public List<Integer> arReminderDays() {
        List<Integer> days = new ArrayList<>();
        tree().path("automations").path("ar_reminders").path("days_after_due").forEach(d -> days.add(d.asInt()));
        return List.copyOf(days);
    }

    /** The stages of the automatic payment reminders, as {@code stage_templates} names them (ArStage's keys). */
    public static final List<String> AR_STAGES = List.of("reminder_1", "reminder_2", "final");

    /** The reminder template chosen for each stage of the automatic reminders (stages not named use the default). */
    public Map<String, String> arStageTemplates() {
        Map<String, String> chosen = new LinkedHashMap<>();
        JsonNode stages = tree().path("automations").path("ar_reminders").path("stage_templates");
        AR_STAGES.forEach(stage -> {
            if (stages.path(stage).isTextual()) {
                chosen.put(stage, stages.path(stage).asText());
            }
        });
        return chosen;
    }

    /** The default template id under a key of {@code templates} (e.g. invoice_default_template_id), or null. */
    public String template(String key) {
        JsonNode value = tree().path("templates").get(key);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    public boolean conversion(String rule) {
        return tree().path("workflows").path("conversion_rules").path(rule).asBoolean(false);
    }

    public List<ExtraField> workItemFields() {
        List<ExtraField> fields = new ArrayList<>();
        tree().path("extensions").path("work_item_fields").fields().forEachRemaining(e -> {
            JsonNode f = e.getValue();
            List<String> forTypes = new ArrayList<>();
            f.path("for_types").forEach(t -> forTypes.add(t.asText()));
            fields.add(new ExtraField(e.getKey(), f.path("type").asText("string"), f.path("required").asBoolean(false),
                    f.path("label").asText(e.getKey()), List.copyOf(forTypes)));
        });
        return fields;
    }

    public Map<String, Boolean> capabilities() {
        Map<String, Boolean> all = new LinkedHashMap<>();
        tree().path("capabilities").fields().forEachRemaining(e -> all.put(e.getKey(), e.getValue().asBoolean()));
        return all;
    }

    /** The whole merged document, as JSON text (for the API). */
    public String json() {
        return json;
    }

    private ObjectNode tree() {
        if (tree == null) {
            try {
                tree = (ObjectNode) ProfileSchema.JSON.readTree(json);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return tree;
    }
}
