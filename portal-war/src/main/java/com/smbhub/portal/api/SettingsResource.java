package com.smbhub.portal.api;

import com.smbhub.platform.Jsonp;
import com.smbhub.platform.errors.ValidationException.FieldError;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.errors.VersionRequiredException;
import com.smbhub.tenant.BusinessDetails;
import com.smbhub.tenant.BusinessSettingsService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Settings → Business of the token's business (OWNER/ADMIN). */
@ApplicationScoped
@Path("/settings/business")
@Authenticated
public class SettingsResource {

    @EJB BusinessSettingsService settings;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        return reply(settings.get());
    }

    /** Fields to change; the rest keep their values. {@code If-Match} / {@code if_match_version} as elsewhere. */
    @PATCH
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response update(String body, @HeaderParam("If-Match") String ifMatch) {
        JsonBody json = JsonBody.parse(body, Set.of("name", "timezone", "currency", "profile_id", "quotes_enabled",
                "ar_enabled", "ar_days", "ar_send_hour", "default_templates", "ar_templates", "if_match_version"));
        List<FieldError> errors = new ArrayList<>();
        Long version = Versions.expected(json, ifMatch, errors);
        BusinessSettingsService.Settings current = settings.get();
        List<Integer> days = current.arDays();
        if (json.has("ar_days")) {
            days = days(json.raw("ar_days"), errors);
        }
        int hour = current.arSendHour();
        if (json.has("ar_send_hour")) {
            Long wantedHour = json.integer("ar_send_hour", errors);
            hour = wantedHour == null ? hour : wantedHour < 0 || wantedHour > 23 ? -1 : wantedHour.intValue();
        }
        Map<String, String> templates = null;
        if (json.has("default_templates")) {
            templates = templates(json.raw("default_templates"), errors);
        }
        Map<String, String> stages = new LinkedHashMap<>(current.arTemplates());
        if (json.has("ar_templates")) {
            stageTemplates(json.raw("ar_templates"), stages, errors);
        }
        var wanted = new BusinessSettingsService.Settings(
                json.has("name") ? json.string("name", errors) : current.name(),
                json.has("timezone") ? json.string("timezone", errors) : current.timezone(),
                json.has("currency") ? json.string("currency", errors) : current.currency(),
                json.has("profile_id") ? json.string("profile_id", errors) : current.profileId(),
                json.bool("quotes_enabled", current.quotesEnabled(), errors),
                json.bool("ar_enabled", current.arEnabled(), errors), days, hour, templates, stages, current.version());
        ValidationException.throwIfAny(errors);
        return reply(settings.update(wanted, version));
    }

    /** {@code {"invoice_email": id, …}}: the kinds given change, the rest stay. */
    private static Map<String, String> templates(JsonValue value, List<FieldError> errors) {
        Map<String, String> chosen = new LinkedHashMap<>();
        if (value instanceof JsonObject object && object.values().stream().allMatch(v -> v instanceof JsonString)) {
            object.forEach((kind, id) -> chosen.put(kind, ((JsonString) id).getString()));
        } else {
            errors.add(new FieldError("default_templates", "An object of e-mail kind to template id, e.g. {\"reminder_email\": \"…\"}"));
        }
        return chosen;
    }

    /** {@code {"final": id, "reminder_1": null, …}}: the stages given change (null: the default reminder), the rest stay. */
    private static void stageTemplates(JsonValue value, Map<String, String> stages, List<FieldError> errors) {
        if (value instanceof JsonObject object && object.values().stream().allMatch(v -> v instanceof JsonString
                || v.getValueType() == JsonValue.ValueType.NULL)) {
            object.forEach((stage, id) -> stages.put(stage, id instanceof JsonString text ? text.getString() : null));
        } else {
            errors.add(new FieldError("ar_templates", "An object of reminder stage to template id or null, e.g. {\"final\": \"…\"}"));
        }
    }

    private static List<Integer> days(JsonValue value, List<FieldError> errors) {
        List<Integer> days = new ArrayList<>();
        if (value instanceof JsonArray array && array.size() <= 50 && array.stream().allMatch(v -> v instanceof JsonNumber n
                && n.isIntegral() && n.bigDecimalValue().abs().compareTo(BigDecimal.valueOf(100_000)) < 0)) {
            array.forEach(v -> days.add(((JsonNumber) v).intValue()));
            return days;
        }
        errors.add(new FieldError("ar_days", "A list of whole numbers, e.g. [3, 7, 14]"));
        return days;
    }

    /** What the business prints on its invoices and quotes, and the notes and terms a new one starts with. */
    @GET
    @Path("/details")
    @Produces(MediaType.APPLICATION_JSON)
    public Response details() {
        return reply(settings.details());
    }

    /** Fields to change ({@code null} or "" clears one); the rest keep their values; every field's error at once. */
    @PATCH
    @Path("/details")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response updateDetails(String body, @HeaderParam("If-Match") String ifMatch) {
        BusinessDetails current = settings.details();
        Map<String, String> fields = new LinkedHashMap<>(current.fields());
        Set<String> allowed = new HashSet<>(fields.keySet());
        allowed.add("if_match_version");
        JsonBody json = JsonBody.parse(body, allowed);
        List<FieldError> errors = new ArrayList<>();
        Long version = Versions.expected(json, ifMatch, errors);
        for (String field : current.fields().keySet()) {
            if (json.has(field)) {
                fields.put(field, json.string(field, errors));
            }
        }
        ValidationException.throwIfAny(errors);
        if (version == null) {
            throw new VersionRequiredException();
        }
        return reply(settings.updateDetails(BusinessDetails.of(fields, version)));
    }

    private static Response reply(BusinessDetails details) {
        JsonObjectBuilder json = Jsonp.createObjectBuilder();
        details.fields().forEach((field, value) -> json.add(field, Envelope.nullable(value)));
        return Versions.reply(json.add("version", details.version()).build(), details.version(), Response.Status.OK);
    }

    private static Response reply(BusinessSettingsService.Settings s) {
        return Versions.reply(json(s), s.version(), Response.Status.OK);
    }

    static JsonObject json(BusinessSettingsService.Settings s) {
        var templates = Jsonp.createObjectBuilder();
        s.templates().forEach(templates::add);
        var stages = Jsonp.createObjectBuilder();
        s.arTemplates().forEach(stages::add);
        return Jsonp.createObjectBuilder().add("name", s.name()).add("timezone", s.timezone())
                .add("currency", s.currency()).add("profile_id", s.profileId()).add("quotes_enabled", s.quotesEnabled())
                .add("ar_enabled", s.arEnabled()).add("ar_days", Jsonp.createArrayBuilder(s.arDays())).add("ar_send_hour", s.arSendHour())
                .add("default_templates", templates).add("ar_templates", stages)
                .add("version", s.version()).build();
    }
}
