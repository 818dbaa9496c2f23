package com.smbhub.profile;

import com.smbhub.platform.errors.ValidationException.FieldError;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The one validator of PRD 9.4: (entity, payload, operation, profile) → field errors. Services call
 * it before create, update and state transitions; the payload is the object as it would be saved,
 * with profile fields under "labels_json".
 */
public final class ProfileRules {

    private ProfileRules() {
    }

    public enum Operation { CREATE, UPDATE, TRANSITION }

    public static List<FieldError> validate(String entity, Map<String, ?> payload, Operation operation,
                                            EffectiveProfile profile) {
        Object type = payload.get("type");
        List<FieldError> errors = new ArrayList<>();
        for (String field : profile.requiredFields(entity, type == null ? null : type.toString())) {
            if (isBlank(valueAt(payload, field))) {
                String label = profile.workItemFields().stream()
                        .filter(f -> field.equals("labels_json." + f.key())).map(EffectiveProfile.ExtraField::label)
                        .findFirst().orElse(null);
                errors.add(new FieldError(field, label == null ? "Required" : label + " is required"));
            }
        }
        if ("work_item".equals(entity)) {
            Object labels = payload.get("labels_json");
            Map<?, ?> extras = labels instanceof Map<?, ?> map ? map : Map.of();
            for (EffectiveProfile.ExtraField extra : profile.workItemFields()) {
                String path = "labels_json." + extra.key();
                Object value = extras.get(extra.key());
                boolean applies = extra.appliesTo(type == null ? profile.defaultWorkItemType() : type.toString());
                if (applies && extra.required() && isBlank(value) && errors.stream().noneMatch(e -> e.field().equals(path))) {
                    errors.add(new FieldError(path, extra.label() + " is required"));
                }
                if (value != null && !isBlank(value) && !hasType(value, extra.type())) {
                    errors.add(new FieldError(path, extra.label() + " must be a " + extra.type()));
                }
            }
        }
        return errors;
    }

    /** Fails with CAPABILITY_DISABLED when the profile turns the capability off. */
    public static void requireCapability(EffectiveProfile profile, String capability) {
        if (!profile.capability(capability)) {
            throw new CapabilityDisabledException(capability);
        }
    }

    private static Object valueAt(Map<String, ?> payload, String path) {
        int dot = path.indexOf('.');
        if (dot < 0) {
            return payload.get(path);
        }
        Object inner = payload.get(path.substring(0, dot));
        return inner instanceof Map<?, ?> map ? map.get(path.substring(dot + 1)) : null;
    }

    private static boolean isBlank(Object value) {
        return value == null
                || (value instanceof String s && s.isBlank())
                || (value instanceof Collection<?> c && c.isEmpty());
    }

    private static boolean hasType(Object value, String type) {
        return switch (type) {
            case "number" -> value instanceof Number || (value instanceof String s && s.matches("-?\\d+(\\.\\d+)?"));
            case "boolean" -> value instanceof Boolean;
            case "date" -> value instanceof LocalDate
                    || (value instanceof String s && s.matches("\\d{4}-\\d{2}-\\d{2}"));
            default -> value instanceof String;
        };
    }
}
