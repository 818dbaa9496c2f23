package com.smbhub.portal.api;

import com.smbhub.contact.ContactService;
import com.smbhub.platform.Jsonp;
import com.smbhub.platform.security.Access;
import com.smbhub.platform.security.Capability;
import com.smbhub.platform.security.Permissions;
import com.smbhub.workitem.WorkItemService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Global search (the API side of Ctrl+K): contacts and work items matching the text, within the caller's scope. */
@ApplicationScoped
@Path("/search")
@Authenticated
public class SearchResource {

    @EJB ContactService contacts;

    @EJB WorkItemService work;

    @EJB Access access;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response search(@QueryParam("q") String q) {
        String text = q == null ? "" : q.trim();
        JsonArrayBuilder people = Jsonp.createArrayBuilder();
        JsonArrayBuilder items = Jsonp.createArrayBuilder();
        if (text.length() >= 2) {
            if (Permissions.allows(access.role(), Capability.CONTACTS_READ)) {
                contacts.list(text, null, false, null, 10).items().forEach(c -> people.add(ContactsResource.json(c)));
            }
            if (Permissions.allows(access.role(), Capability.WORK_READ)) {
                work.search(text, 10).forEach(w -> items.add(WorkItemsResource.json(w)));
            }
        }
        return Envelope.ok(Jsonp.createObjectBuilder().add("contacts", people).add("work_items", items).build());
    }
}
