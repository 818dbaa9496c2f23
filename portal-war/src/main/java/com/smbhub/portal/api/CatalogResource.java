package com.smbhub.portal.api;

import com.smbhub.catalog.CatalogEntry;
import com.smbhub.catalog.CatalogService;
import com.smbhub.platform.Jsonp;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.errors.ValidationException.FieldError;
import com.smbhub.platform.errors.VersionRequiredException;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The business's products and services (Settings → Catalog): find, add, change, remove. */
@ApplicationScoped
@Path("/catalog")
@Authenticated
public class CatalogResource {

    private static final Set<String> FIELDS = Set.of("name", "description", "unit_price", "tax_code", "unit");

    @EJB CatalogService catalog;

    /** {@code ?q=} in the name or description; by name, at most 50. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response find(@QueryParam("q") String q) {
        JsonArrayBuilder data = Jsonp.createArrayBuilder();
        catalog.search(q).forEach(e -> data.add(json(e)));
        return Envelope.ok(data.build());
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@PathParam("id") String id) {
        return reply(catalog.get(id), Response.Status.OK);
    }

    /** {@code {"name","unit_price","description"?,"tax_code"?,"unit"?}} → 201. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response add(String body) {
        JsonBody json = JsonBody.parse(body, FIELDS);
        List<FieldError> errors = new ArrayList<>();
        CatalogEntry wanted = entry(json, new CatalogEntry(null, null, null, null, null, null, 0), errors);
        ValidationException.throwIfAny(errors);
        return reply(catalog.add(wanted), Response.Status.CREATED);
    }

    /** The fields to change ({@code null} clears an optional one); If-Match / {@code if_match_version} required. */
    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("id") String id, String body, @HeaderParam("If-Match") String ifMatch) {
        JsonBody json = JsonBody.parse(body, Stream.concat(FIELDS.stream(), Stream.of("if_match_version")).collect(Collectors.toSet()));
        List<FieldError> errors = new ArrayList<>();
        Long version = Versions.expected(json, ifMatch, errors);
        CatalogEntry current = catalog.get(id);
        CatalogEntry wanted = entry(json, current, errors);
        ValidationException.throwIfAny(errors);
        if (version == null) {
            throw new VersionRequiredException();
        }
        return reply(catalog.update(new CatalogEntry(id, wanted.name(), wanted.description(), wanted.unitPrice(),
                wanted.taxCode(), wanted.unit(), version)), Response.Status.OK);
    }

    @DELETE
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response remove(@PathParam("id") String id) {
        catalog.remove(id);
        return Envelope.ok(Jsonp.createObjectBuilder().add("id", id).add("removed", true).build());
    }

    private static CatalogEntry entry(JsonBody json, CatalogEntry base, List<FieldError> errors) {
        return new CatalogEntry(base.id(), json.has("name") ? json.string("name", errors) : base.name(),
                json.has("description") ? json.string("description", errors) : base.description(),
                json.has("unit_price") ? json.decimal("unit_price", "A price of 0 or more, e.g. 120 or 89.50", errors)
                        : base.unitPrice(),
                json.has("tax_code") ? json.string("tax_code", errors) : base.taxCode(),
                json.has("unit") ? json.string("unit", errors) : base.unit(), base.version());
    }

    private static Response reply(CatalogEntry e, Response.Status status) {
        return Versions.reply(json(e), e.version(), status);
    }

    private static JsonObject json(CatalogEntry e) {
        return Jsonp.createObjectBuilder().add("id", e.id()).add("name", e.name())
                .add("description", Envelope.nullable(e.description()))
                .add("unit_price", e.unitPrice().stripTrailingZeros().toPlainString())
                .add("tax_code", Envelope.nullable(e.taxCode())).add("unit", Envelope.nullable(e.unit()))
                .add("version", e.version()).build();
    }
}
