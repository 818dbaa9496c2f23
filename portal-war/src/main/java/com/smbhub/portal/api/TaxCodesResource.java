package com.smbhub.portal.api;

import com.smbhub.invoice.InvoiceService;
import com.smbhub.platform.Jsonp;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The business's tax codes for invoice and quote lines. */
@ApplicationScoped
@Path("/tax-codes")
@Authenticated
public class TaxCodesResource {

    @EJB InvoiceService invoices;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list() {
        JsonArrayBuilder data = Jsonp.createArrayBuilder();
        invoices.taxCodes().forEach(t -> data.add(Jsonp.createObjectBuilder().add("code", t.code()).add("name", t.name())
                .add("rate_percent", t.ratePercent().stripTrailingZeros().toPlainString())));
        return Envelope.ok(data.build());
    }
}
