package com.smbhub.portal.api;

import com.smbhub.aidraft.AiDraftService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

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
        return AiDraftsResource.parsed(body, intent -> drafts.parseMessage(id, intent));
    }
}
