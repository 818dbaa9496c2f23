package com.smbhub.portal.api;

import com.smbhub.money.DocumentService;
import com.smbhub.money.DocumentView;
import com.smbhub.platform.Jsonp;
import com.smbhub.platform.idempotency.Idempotency;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Function;

/**
 * The endpoints every money document has (PRD 12.3.4, 12.3.5): read, PDF, create (idempotent), change
 * a draft, a new client link. Each resource adds its list and the actions only it has.
 */
public abstract class DocumentsResource<V extends DocumentView> {

    private final String collection;
    private final DocumentJson mapping;
    private final Function<V, JsonObject> json;

    /**
     * {@code collection}: the path ({@code /invoices}), which scopes idempotency keys; {@code json}: the
     * document as the API answers with it (the shared fields and its own).
     */
    protected DocumentsResource(String collection, DocumentJson mapping, Function<V, JsonObject> json) {
        this.collection = collection;
        this.mapping = mapping;
        this.json = json;
    }

    abstract DocumentService<?, V> documents();

    /** Sends the document by e-mail and returns it as it is afterwards. */
    abstract V mail(String id, MailRequest mail);

    /** A new client link; every earlier one stops working. */
    abstract String regenerateLink(String id, Integer expiresInDays);

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@PathParam("id") String id) {
        return reply(documents().get(id), Response.Status.OK);
    }

    @GET
    @Path("/{id}/pdf")
    @Produces("application/pdf")
    public Response pdf(@PathParam("id") String id) {
        return FilesResource.pdf(documents().pdf(id), documents().get(id).number() + ".pdf");
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(String body, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        var draft = mapping.forCreate(body);
        var key = Idempotency.Key.of("POST " + collection, idempotencyKey, ApiRequest.sha256(body));
        return reply(documents().create(draft, key), Response.Status.CREATED);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("id") String id, String body, @HeaderParam("If-Match") String ifMatch) {
        var patch = mapping.forUpdate(body, ifMatch, documents().get(id));
        return reply(documents().update(id, patch.version(), patch.draft()), Response.Status.OK);
    }

    /**
     * E-mails the document with its PDF and a fresh client link: {@code {"to"?, "message"?, "template_id"?}}.
     * SENT only once the mail server accepted it; otherwise 502 PROVIDER_ERROR with the reason and nothing changed.
     */
    @POST
    @Path("/{id}/send")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response send(@PathParam("id") String id, String body) {
        return reply(mail(id, MailRequest.parse(body)), Response.Status.OK);
    }

    /** A new client link for the document ("Regenerate link"): {@code {"expires_in_days"?}}. */
    @POST
    @Path("/{id}/portal-link")
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.WILDCARD)
    public Response portalLink(@PathParam("id") String id, String body) {
        return Envelope.ok(Jsonp.createObjectBuilder().add("portal_path",
                regenerateLink(id, PortalLinkBody.expiresInDays(body))).build());
    }

    /** The document with its version as ETag. */
    Response reply(V document, Response.Status status) {
        return Versions.reply(json.apply(document), document.version(), status);
    }
}
