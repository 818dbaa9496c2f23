package com.smbhub.portal.api;

import com.smbhub.platform.Jsonp;
import com.smbhub.sample.SampleDataService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Sample data: whether the business shows it, fill it (owners and admins), remove it. */
@ApplicationScoped
@Path("/sample-data")
@Authenticated
public class SampleDataResource {

    @EJB SampleDataService samples;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        return Envelope.ok(Jsonp.createObjectBuilder().add("present", samples.present()).build());
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response fill() {
        return reply(samples.fill());
    }

    @DELETE
    @Produces(MediaType.APPLICATION_JSON)
    public Response remove() {
        return reply(samples.remove());
    }

    private static Response reply(SampleDataService.Summary s) {
        return Envelope.ok(Jsonp.createObjectBuilder().add("present", s.present()).add("contacts", s.contacts())
                .add("work_items", s.workItems()).add("quotes", s.quotes()).add("invoices", s.invoices())
                .add("payments", s.payments()).build());
    }
}
