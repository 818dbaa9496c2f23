package com.smbhub.portal.api;

import com.smbhub.inbox.SmsSettings;
import com.smbhub.inbox.SmsWebhooks;
import com.smbhub.inbox.TwilioGateway;
import com.smbhub.batch.JobLauncher;
import com.smbhub.job.JobName;
import com.smbhub.payment.StripeWebhooks;
import com.smbhub.platform.webhook.WebhookEventStatus;
import com.smbhub.platform.webhook.WebhookRefused;
import com.smbhub.pos.SquareSettings;
import com.smbhub.pos.SquareWebhooks;
import com.smbhub.platform.Jsonp;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code POST /api/v1/webhooks/twilio/sms} and {@code /twilio/status}: Twilio's signed form posts (an
 * incoming text, a sent text's status): 200 with an empty TwiML answer once stored (also for a repeat), 403
 * when the signature, number or account is not Twilio's for a business here, 400 for a malformed form.
 * {@code POST /api/v1/webhooks/stripe}: Stripe's signed events. 200 once the event is stored
 * (processing follows, and its failures are retried, never answered); 400 for a body, signature or
 * timestamp that is not Stripe's; 413 beyond 256 KB; 503 when no signing secret is configured.
 * {@code POST /api/v1/webhooks/square}: Square's signed notices; 200 once kept (a repeat too: {@code duplicate}),
 * starting an incremental sync of the merchant's business; 403 for a signature that is not Square's, 400 for a body
 * that is not a notice, 503 when no signature key is configured.
 */
@ApplicationScoped
@Path("/webhooks")
public class WebhooksResource {

    static final int MAX_BYTES = 256 * 1024;

    @EJB StripeWebhooks webhooks;

    @EJB SmsWebhooks sms;

    @EJB SquareWebhooks square;

    @EJB JobLauncher launcher;

    @Inject TwilioGateway gateway;

    @POST
    @Path("/twilio/sms")
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_XML, MediaType.APPLICATION_JSON})
    public Response twilioSms(InputStream body, @HeaderParam("X-Twilio-Signature") String signature,
                              @Context UriInfo uri) throws IOException {
        return twilio(body, signature, uri, SmsSettings.INBOUND_PATH, sms::receive);
    }

    @POST
    @Path("/twilio/status")
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_XML, MediaType.APPLICATION_JSON})
    public Response twilioStatus(InputStream body, @HeaderParam("X-Twilio-Signature") String signature,
                                 @Context UriInfo uri) throws IOException {
        return twilio(body, signature, uri, SmsSettings.STATUS_PATH, sms::status);
    }

    private interface TwilioCall {
        String apply(String url, Map<String, String> params, String signature);
    }

    /** Twilio signs the URL it called: this server's public URL, the path and the query as sent. */
    private Response twilio(InputStream body, String signature, UriInfo uri, String path, TwilioCall call) throws IOException {
        String text = text(body);
        if (text == null) {
            return tooLarge();
        }
        Map<String, String> params = new HashMap<>();
        try {
            for (String pair : text.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (params.put(name, value) != null) {
                    return Envelope.error(400, "INVALID_REQUEST", "The parameter " + name + " appears twice");
                }
            }
        } catch (IllegalArgumentException e) {
            return Envelope.error(400, "INVALID_REQUEST", "The body is not a form Twilio sends");
        }
        String query = uri.getRequestUri().getRawQuery();
        String url = gateway.publicUrl(path) + (query == null ? "" : "?" + query);
        try {
            String status = call.apply(url, params, signature);
            return Response.ok("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>", MediaType.APPLICATION_XML)
                    .header("X-SMBHub-Status", status).build();
        } catch (WebhookRefused e) {
            return refused(e);
        }
    }

    @POST
    @Path("/stripe")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response stripe(InputStream body, @HeaderParam("Stripe-Signature") String signature) throws IOException {
        return received(body, text -> {
            StripeWebhooks.Receipt receipt = webhooks.receive(text, signature);
            return answer(receipt.duplicate(), WebhookEventStatus.RECEIVED.name().equals(receipt.status())
                    ? webhooks.deliver(receipt.id()) : receipt.status());
        });
    }

    @POST
    @Path("/square")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response square(InputStream body, @HeaderParam("x-square-hmacsha256-signature") String signature) throws IOException {
        return received(body, text -> {
            SquareWebhooks.Receipt receipt = square.receive(gateway.publicUrl(SquareSettings.WEBHOOK_PATH), text, signature);
            if (receipt.runId() != null) {
                launcher.launch(JobName.POS_SYNC, receipt.tenantId(), receipt.runId());
            }
            return answer(receipt.duplicate(), receipt.status());
        });
    }

    /** A provider's JSON notice: the body read (413 over the limit) and handled; a refusal answered with its status. */
    private static Response received(InputStream body, Function<String, JsonObject> handle) throws IOException {
        String text = text(body);
        if (text == null) {
            return tooLarge();
        }
        try {
            return Envelope.ok(handle.apply(text));
        } catch (WebhookRefused e) {
            return refused(e);
        }
    }

    private static JsonObject answer(boolean duplicate, String status) {
        return Jsonp.createObjectBuilder().add("received", true).add("duplicate", duplicate).add("status", status).build();
    }

    /** A webhook's body as text; null when it is over {@link #MAX_BYTES}. */
    private static String text(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_BYTES + 1);
        return bytes.length > MAX_BYTES ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static Response refused(WebhookRefused e) {
        return Envelope.error(e.reason().status, e.reason().code, e.getMessage());
    }

    private static Response tooLarge() {
        return Envelope.error(413, "PAYLOAD_TOO_LARGE", "A webhook body is at most 256 KB");
    }
}
