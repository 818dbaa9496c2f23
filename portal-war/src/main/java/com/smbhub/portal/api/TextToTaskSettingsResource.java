package com.smbhub.portal.api;

import com.smbhub.aidraft.AiDraftService;
import com.smbhub.aidraft.ChatReader;
import com.smbhub.platform.Jsonp;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.errors.ValidationException.FieldError;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObjectBuilder;
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

/**
 * Settings → Inbox → Text-to-Task (OWNER/ADMIN): {@code auto_draft} reads new messages into drafts by themselves;
 * {@code auto_apply_at} (0.50–1.00, null: never) applies a draft by itself when its reading is at least that sure.
 * Applying makes drafts only; nothing is sent.
 */
@ApplicationScoped
@Path("/settings/text-to-task")
@Authenticated
public class TextToTaskSettingsResource {

    @EJB AiDraftService drafts;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        return reply(drafts.automation());
    }

    @PUT
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response save(String body) {
        JsonBody json = JsonBody.parse(body, Set.of("auto_draft", "auto_apply_at"));
        List<FieldError> errors = new ArrayList<>();
        boolean draft = json.bool("auto_draft", false, errors);
        JsonValue sent = json.raw("auto_apply_at");
        BigDecimal applyAt = sent == null || sent.getValueType() == JsonValue.ValueType.NULL ? null
                : json.decimal("auto_apply_at", "A number from 0.5 to 1, or null for never", errors);
        ValidationException.throwIfAny(errors);
        return reply(drafts.automate(draft, applyAt));
    }

    private static Response reply(AiDraftService.Automation a) {
        JsonObjectBuilder o = Jsonp.createObjectBuilder().add("auto_draft", a.autoDraft());
        if (a.applyAt() == null) {
            o.addNull("auto_apply_at");
        } else {
            o.add("auto_apply_at", a.applyAt());
        }
        ChatReader.Usage r = a.reader();
        JsonObjectBuilder reader = Jsonp.createObjectBuilder().add("by", r.model() == null ? "rules" : "chat");
        if (r.model() != null) {
            reader.add("model", r.model()).add("monthly_budget", r.budget().toPlainString())
                    .add("spent_this_month", r.spent().toPlainString()).add("read_this_month", r.read())
                    .add("rules_instead_this_month", r.fellBack());
        }
        return Envelope.ok(o.add("reader", reader).build());
    }
}
