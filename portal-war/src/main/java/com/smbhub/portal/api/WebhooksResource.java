package com.smbhub.portal.api;

import com.smbhub.payment.StripeWebhooks;
import com.smbhub.platform.Jsonp;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code POST /api/v1/webhooks/stripe}: Stripe's signed events. 200 once the event is stored
 * (processing follows, and its failures are retried, never answered); 400 for a body, signature or
 * timestamp that is not Stripe's; 413 beyond 256 KB; 503 when no signing secret is configured.
 */
@ApplicationScoped
@Path("/webhooks")
public class WebhooksResource {

    static final int MAX_BYTES = 256 * 1024;

    @EJB StripeWebhooks webhooks;

    @POST
    @Path("/stripe")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response stripe(InputStream body, @HeaderParam("Stripe-Signature") String signature) throws IOException {
        byte[] bytes = body.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            return Envelope.error(413, "PAYLOAD_TOO_LARGE", "A webhook body is at most 256 KB");
        }
        StripeWebhooks.Receipt receipt;
        try {
            receipt = webhooks.receive(new String(bytes, StandardCharsets.UTF_8), signature);
        } catch (StripeWebhooks.BadEventException e) {
            return Envelope.error(400, "INVALID_SIGNATURE", e.getMessage());
        } catch (StripeWebhooks.NotConfiguredException e) {
            return Envelope.error(503, "NOT_CONFIGURED", e.getMessage());
        }
        String status = "RECEIVED".equals(receipt.status()) ? webhooks.deliver(receipt.id()) : receipt.status();
        return Envelope.ok(Jsonp.createObjectBuilder().add("received", true).add("duplicate", receipt.duplicate())
                .add("status", status).build());
    }
}
