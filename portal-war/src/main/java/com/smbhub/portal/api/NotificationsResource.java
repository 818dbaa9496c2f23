package com.smbhub.portal.api;

import com.smbhub.notification.NotificationService;
import com.smbhub.platform.Jsonp;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The business's notifications (a client approved or declined a quote, …), newest first. */
@ApplicationScoped
@Path("/notifications")
@Authenticated
public class NotificationsResource {

    @EJB NotificationService notifications;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list() {
        JsonArrayBuilder data = Jsonp.createArrayBuilder();
        notifications.recent(50).forEach(n -> data.add(Jsonp.createObjectBuilder().add("id", n.id()).add("kind", n.kind())
                .add("title", n.title()).add("entity_type", Envelope.nullable(n.entityType()))
                .add("entity_id", Envelope.nullable(n.entityId())).add("at", n.at().toString()).add("read", n.read())));
        return Envelope.ok(data.build());
    }

    @POST
    @Path("/read")
    @Produces(MediaType.APPLICATION_JSON)
    public Response readAll() {
        notifications.markAllRead();
        return Envelope.ok(Jsonp.createObjectBuilder().add("unread", 0).build());
    }
}
