package com.smbhub.portal.api;

import com.smbhub.platform.Jsonp;
import com.smbhub.platform.analytics.Activation;
import com.smbhub.platform.tenancy.RequestContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;

/**
 * GET /api/v1/ops/activation: platform ops' activation report (a token of an ops user, which names no
 * business); anyone else is refused by the service (403).
 */
@ApplicationScoped
@Path("/ops")
public class OpsResource {

    @EJB Activation activation;

    @GET
    @Path("/activation")
    @Produces(MediaType.APPLICATION_JSON)
    public Response activation(@QueryParam("limit") String limit) {
        if (RequestContext.current().map(RequestContext::userId).isEmpty()) {
            return Envelope.error(401, "UNAUTHORIZED", "Sign in: send a valid bearer token");
        }
        int size = Paging.limit(limit);
        Activation.Report report = activation.report(size);
        Activation.Funnel f = report.funnel();
        JsonArrayBuilder businesses = Jsonp.createArrayBuilder();
        for (Activation.Business b : report.businesses()) {
            JsonObjectBuilder row = Jsonp.createObjectBuilder().add("id", b.id()).add("name", b.name())
                    .add("signed_up_at", b.signedUpAt().toString());
            time(row, "first_invoice_sent_at", b.firstInvoiceSentAt());
            time(row, "first_payment_at", b.firstPaymentAt());
            if (b.timeToFirstValue() == null) {
                row.addNull("ttfv_seconds");
            } else {
                row.add("ttfv_seconds", b.timeToFirstValue().toSeconds());
            }
            businesses.add(row.add("wcba", b.weeklyActions()));
        }
        return Envelope.ok(Jsonp.createObjectBuilder()
                .add("funnel", Jsonp.createObjectBuilder().add("businesses", f.businesses())
                        .add("sent_invoice", f.sentInvoice()).add("sent_invoice_within_7_days", f.sentWithinSevenDays())
                        .add("received_payment", f.receivedPayment()))
                .add("wcba_total", f.weeklyActions())
                .add("businesses", businesses).build());
    }

    private static void time(JsonObjectBuilder row, String name, Instant at) {
        if (at == null) {
            row.addNull(name);
        } else {
            row.add(name, at.toString());
        }
    }
}
