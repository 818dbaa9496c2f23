package com.smbhub.portal.api;

import com.smbhub.aidraft.AiDraftService;
import com.smbhub.aidraft.AiDraftView;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.errors.ValidationException.FieldError;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Text-to-Task on one received message (issue 15): {@code POST /messages/{id}/ai/parse}. */
@ApplicationScoped
@Path("/messages")
@Authenticated
public class MessagesResource {

    @EJB AiDraftService drafts;

    /**
     * Reads the message into a draft (body optional: {@code {"intent"?}} to make a chosen kind): 201 with a new
     * draft, 200 with the message's open draft (re-aimed at {@code intent} when named). Nothing is sent.
     */
    @POST
    @Path("/{id}/ai/parse")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response parse(@PathParam("id") String id, String body) {
        String intent = null;
        if (body != null && !body.isBlank()) {
            JsonBody json = JsonBody.parse(body, Set.of("intent"));
            List<FieldError> errors = new ArrayList<>();
            intent = json.has("intent") ? json.string("intent", errors) : null;
            ValidationException.throwIfAny(errors);
        }
        AiDraftService.Parsed parsed = drafts.parseMessage(id, intent);
        AiDraftView draft = parsed.draft();
        return Versions.reply(AiDraftsResource.json(draft), draft.version(),
                parsed.created() ? Response.Status.CREATED : Response.Status.OK);
    }
}
