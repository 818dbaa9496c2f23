package com.smbhub.portal.api;

import com.smbhub.money.DocumentService;
import com.smbhub.money.DocumentView;
import com.smbhub.platform.Jsonp;
import com.smbhub.platform.errors.ValidationException.FieldError;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.idempotency.Idempotency;
import com.smbhub.portal.PortalLinks;
import jakarta.ejb.EJB;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The endpoints every money document has (PRD 12.3.4, 12.3.5): read, PDF, create (idempotent), change
 * a draft, a new client link. Each resource adds its list and the actions only it has.
 */
public abstract class DocumentsResource<V extends DocumentView> {

    @EJB PortalLinks links;

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

    /** The document's service, and how it is e-mailed (returning the document as it is afterwards). */
    record Documents<V>(DocumentService<?, V> service, Mailing<V> mailing) {
    }

    interface Mailing<V> {
        V send(String id, String to, String message, String templateId);
    }

    abstract Documents<V> documents();

    private DocumentService<?, V> service() {
        return documents().service();
    }

    /** Newest first: {@code ?status=&contact_id=&from=&to=&limit=&cursor=} ({@code from}/{@code to}: issue dates, inclusive). */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("status") String status, @QueryParam("contact_id") String contactId,
                         @QueryParam("from") String from, @QueryParam("to") String to,
                         @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate first = day(from, "from", errors);
        LocalDate last = day(to, "to", errors);
        ValidationException.throwIfAny(errors);
        var page = service().list(ApiRequest.blank(status), ApiRequest.blank(contactId), first, last, Paging.after(cursor),
                Paging.limit(limit));
        return Paging.reply(page, json);
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@PathParam("id") String id) {
        return reply(service().get(id), Response.Status.OK);
    }

    @GET
    @Path("/{id}/pdf")
    @Produces("application/pdf")
    public Response pdf(@PathParam("id") String id) {
        return FilesResource.pdf(service().pdf(id), service().get(id).number() + ".pdf");
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(String body, @HeaderParam("Idempotency-Key") String idempotencyKey) {
        var key = Idempotency.Key.of("POST " + collection, idempotencyKey, ApiRequest.sha256(body));
        return reply(service().create(words -> mapping.forCreate(body, words), key), Response.Status.CREATED);
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("id") String id, String body, @HeaderParam("If-Match") String ifMatch) {
        var patch = mapping.forUpdate(body, ifMatch, service().get(id));
        return reply(service().update(id, patch.version(), patch.draft()), Response.Status.OK);
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
        MailRequest mail = MailRequest.parse(body);
        return reply(documents().mailing().send(id, mail.to(), mail.message(), mail.templateId()), Response.Status.OK);
    }

    /** A new client link for the document ("Regenerate link"): {@code {"expires_in_days"?}}. */
    @POST
    @Path("/{id}/portal-link")
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.WILDCARD)
    public Response portalLink(@PathParam("id") String id, String body) {
        return Envelope.ok(Jsonp.createObjectBuilder().add("portal_path",
                links.regenerate(service().kind(), id, null, PortalLinkBody.expiresInDays(body))).build());
    }

    /** The document with its version as ETag. */
    Response reply(V document, Response.Status status) {
        return Versions.reply(json.apply(document), document.version(), status);
    }

    private static LocalDate day(String raw, String field, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.trim());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "A date like 2026-12-01"));
            return null;
        }
    }
}
