package com.smbhub.portal.api;

import com.smbhub.platform.Jsonp;
import com.smbhub.home.HomeService;
import com.smbhub.workitem.WorkItemService;
import jakarta.ejb.EJB;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** GET /api/v1/home/summary: the Home snapshot (money figures stay zero until invoices land). */
@jakarta.enterprise.context.ApplicationScoped
@Path("/home/summary")
@Authenticated
public class HomeResource {

    @EJB
    HomeService home;

    @EJB
    WorkItemService work;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response summary() {
        String currency = home.greeting().currency();
        WorkItemService.Today today = work.today();
        JsonArrayBuilder next = Jsonp.createArrayBuilder();
        today.nextActions().forEach(w -> next.add(WorkItemsResource.json(w)));
        return Envelope.ok(Jsonp.createObjectBuilder()
                .add("unpaid", money("0.00", currency))
                .add("overdue", money("0.00", currency))
                .add("todays_payments", money("0.00", currency))
                .add("new_work_items", today.newItems())
                .add("overdue_work_items", today.overdueItems())
                .add("next_actions", next)
                .build());
    }

    private static jakarta.json.JsonObject money(String amount, String currency) {
        return Jsonp.createObjectBuilder().add("amount", amount).add("currency", currency).build();
    }
}
