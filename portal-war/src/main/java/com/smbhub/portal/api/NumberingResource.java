package com.smbhub.portal.api;

import com.smbhub.money.Numbering;
import com.smbhub.platform.Jsonp;
import com.smbhub.platform.errors.ValidationException.FieldError;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.tenant.BusinessSettingsService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Settings → numbering: the prefix and next number of invoices and quotes (OWNER/ADMIN). */
@ApplicationScoped
@Path("/settings/numbering")
@Authenticated
public class NumberingResource {

    @EJB BusinessSettingsService settings;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        return reply(settings.numbers());
    }

    /** {@code {"invoice":{"prefix","next_number"},"quote":{…}}}; a kind left out keeps its numbering. */
    @PUT
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response change(String body) {
        JsonBody json = JsonBody.parse(body, Set.of("invoice", "quote"));
        BusinessSettingsService.Numbers current = settings.numbers();
        List<FieldError> errors = new ArrayList<>();
        Numbering.Next invoice = next(json.raw("invoice"), current.invoice(), "invoice", errors);
        Numbering.Next quote = next(json.raw("quote"), current.quote(), "quote", errors);
        ValidationException.throwIfAny(errors);
        return reply(settings.changeNumbers(new BusinessSettingsService.Numbers(invoice, quote)));
    }

    private static Numbering.Next next(JsonValue value, Numbering.Next current, String field, List<FieldError> errors) {
        if (value == null) {
            return current;
        }
        if (!(value instanceof JsonObject o) || !o.keySet().stream().allMatch(k -> k.equals("prefix") || k.equals("next_number"))) {
            errors.add(new FieldError(field, "{\"prefix\":\"INV-\",\"next_number\":1001}"));
            return current;
        }
        String prefix = current.prefix();
        long number = current.number();
        if (o.containsKey("prefix")) {
            if (o.get("prefix") instanceof JsonString s) {
                prefix = s.getString();
            } else {
                errors.add(new FieldError(field + ".prefix", "Must be text"));
            }
        }
        if (o.containsKey("next_number")) {
            if (o.get("next_number") instanceof JsonNumber n && n.isIntegral()
                    && n.bigDecimalValue().abs().compareTo(BigDecimal.valueOf(1_000_000_000_000L)) < 0) {
                number = n.longValue();
            } else {
                errors.add(new FieldError(field + ".next_number", "A whole number"));
            }
        }
        return new Numbering.Next(prefix, number);
    }

    private static Response reply(BusinessSettingsService.Numbers n) {
        return Envelope.ok(Jsonp.createObjectBuilder()
                .add("invoice", Jsonp.createObjectBuilder().add("prefix", n.invoice().prefix()).add("next_number", n.invoice().number()))
                .add("quote", Jsonp.createObjectBuilder().add("prefix", n.quote().prefix()).add("next_number", n.quote().number()))
                .build());
    }
}
