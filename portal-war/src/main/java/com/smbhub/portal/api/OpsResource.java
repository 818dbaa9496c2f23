package com.smbhub.portal.api;

import com.smbhub.aidraft.AiDraftQueue;
import com.smbhub.aidraft.AiDraftView;
import com.smbhub.platform.Jsonp;
import com.smbhub.platform.analytics.Activation;
import com.smbhub.platform.tenancy.RequestContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;

/**
 * Platform ops' routes (a token of an ops user, which names no business; anyone else is refused by the service, 403):
 * GET /api/v1/ops/activation, the activation report; GET /api/v1/ops/ai-drafts, the Text-to-Task QC queue.
 */
@ApplicationScoped
@Path("/ops")
public class OpsResource {

    @EJB Activation activation;

    @EJB AiDraftQueue drafts;

    /** The QC queue of Text-to-Task drafts sent to review, over every business, oldest first, with the AI KPIs. */
    @GET
    @Path("/ai-drafts")
    @Produces(MediaType.APPLICATION_JSON)
    public Response aiDrafts(@QueryParam("status") String status, @QueryParam("business") String business,
            @QueryParam("limit") String limit) {
        signedIn();
        AiDraftQueue.Queue queue = drafts.queue(ApiRequest.blank(status), ApiRequest.blank(business), Paging.limit(limit));
        JsonArrayBuilder rows = Jsonp.createArrayBuilder();
        for (AiDraftQueue.Row r : queue.rows()) {
            JsonObjectBuilder row = Jsonp.createObjectBuilder().add("id", r.id()).add("business_id", r.businessId())
                    .add("business_name", r.businessName()).add("subject", Envelope.nullable(r.subject())).add("intent", r.intent()).add("status", r.status())
                    .add("confidence", r.confidence()).add("confidence_band", r.confidenceBand())
                    .add("sent_at", r.sentAt().toString()).add("age_minutes", r.age().toMinutes())
                    .add("sla_breached", r.breached()).add("reviewer_id", Envelope.nullable(r.reviewerId()));
            rows.add(row);
        }
        AiDraftQueue.Kpis k = queue.kpis();
        JsonObjectBuilder kpis = Jsonp.createObjectBuilder().add("drafts_30_days", k.drafts())
                .add("acceptance_rate", k.acceptanceRate()).add("approval_rate", k.approvalRate())
                .add("confidence", Jsonp.createObjectBuilder().add("high", k.high()).add("med", k.medium()).add("low", k.low()))
                .add("auto_applied_rate", k.autoAppliedRate()).add("sla_breaches", k.slaBreaches())
                .add("sla_minutes", AiDraftQueue.SLA.toMinutes());
        if (k.averageQcMinutes() == null) {
            kpis.addNull("average_qc_minutes");
        } else {
            kpis.add("average_qc_minutes", k.averageQcMinutes());
        }
        return Envelope.ok(Jsonp.createObjectBuilder().add("kpis", kpis).add("drafts", rows).build());
    }

    /** One draft under review: {@code {"draft": {...as /ai-drafts/{id}...}, "business_name", "source_text"}}. */
    @GET
    @Path("/ai-drafts/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response aiDraft(@PathParam("id") String id) {
        signedIn();
        AiDraftQueue.Review r = drafts.review(id);
        return Versions.reply(Jsonp.createObjectBuilder().add("draft", AiDraftsResource.json(r.draft()))
                .add("business_name", r.businessName()).add("source_text", r.sourceText()).build(), r.draft().version(),
                Response.Status.OK);
    }

    /** A reviewer's corrections: as PATCH /ai-drafts/{id}. */
    @PATCH
    @Path("/ai-drafts/{id}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response editAiDraft(@PathParam("id") String id, String body, @HeaderParam("If-Match") String ifMatch) {
        signedIn();
        AiDraftsResource.Edit edit = AiDraftsResource.Edit.parse(body, ifMatch);
        return draft(drafts.edit(id, edit.version(), edit.payload(), edit.notes()));
    }

    @POST
    @Path("/ai-drafts/{id}/claim")
    @Produces(MediaType.APPLICATION_JSON)
    public Response claimAiDraft(@PathParam("id") String id) {
        signedIn();
        return draft(drafts.claim(id));
    }

    /** Approve + Apply ({@code {"create_anyway"?: true}}): as POST /ai-drafts/{id}/apply. */
    @POST
    @Path("/ai-drafts/{id}/apply")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response applyAiDraft(@PathParam("id") String id, String body) {
        signedIn();
        return draft(drafts.approveAndApply(id, AiDraftsResource.createAnyway(body)));
    }

    @POST
    @Path("/ai-drafts/{id}/approve")
    @Produces(MediaType.APPLICATION_JSON)
    public Response approveAiDraft(@PathParam("id") String id) {
        signedIn();
        return draft(drafts.approve(id));
    }

    @POST
    @Path("/ai-drafts/{id}/reject")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response rejectAiDraft(@PathParam("id") String id, String body) {
        signedIn();
        return draft(drafts.reject(id, AiDraftsResource.rejectNotes(body)));
    }

    /** 401 without a usable token (an ops token names no business, so these routes are not {@code @Authenticated}). */
    private static void signedIn() {
        if (RequestContext.current().map(RequestContext::userId).isEmpty()) {
            throw new WebApplicationException(401);
        }
    }

    private static Response draft(AiDraftView d) {
        return Versions.reply(AiDraftsResource.json(d), d.version(), Response.Status.OK);
    }

    @GET
    @Path("/activation")
    @Produces(MediaType.APPLICATION_JSON)
    public Response activation(@QueryParam("limit") String limit) {
        signedIn();
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
