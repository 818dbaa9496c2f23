package com.smbhub.portal.api;

import com.smbhub.money.TaxCode;
import com.smbhub.money.TaxCodeService;
import com.smbhub.platform.Jsonp;
import com.smbhub.platform.errors.ValidationException;
import com.smbhub.platform.errors.ValidationException.FieldError;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The business's tax codes for invoice and quote lines: list, add, retire. */
@ApplicationScoped
@Path("/tax-codes")
@Authenticated
public class TaxCodesResource {

    @EJB TaxCodeService taxes;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list() {
        JsonArrayBuilder data = Jsonp.createArrayBuilder();
        taxes.list().forEach(t -> data.add(json(t)));
        return Envelope.ok(data.build());
    }

    /** {@code {"code","name","rate_percent"}} → 201. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response add(String body) {
        JsonBody json = JsonBody.parse(body, Set.of("code", "name", "rate_percent"));
        List<FieldError> errors = new ArrayList<>();
        String code = json.string("code", errors);
        String name = json.string("name", errors);
        BigDecimal rate = json.decimal("rate_percent", "A percentage from 0 to 100, e.g. 13 or 9.975", errors);
        ValidationException.throwIfAny(errors);
        return Response.fromResponse(Envelope.ok(json(taxes.add(new TaxCode(code, name, rate)))))
                .status(Response.Status.CREATED).build();
    }

    /** Retires a code: no longer offered; documents that name it keep it. */
    @DELETE
    @Path("/{code}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response retire(@PathParam("code") String code) {
        taxes.retire(code);
        return Envelope.ok(Jsonp.createObjectBuilder().add("code", code.trim().toUpperCase(Locale.ROOT))
                .add("retired", true).build());
    }

    private static JsonObject json(TaxCode t) {
        return Jsonp.createObjectBuilder().add("code", t.code()).add("name", t.name())
                .add("rate_percent", t.ratePercent().stripTrailingZeros().toPlainString()).build();
    }
}
