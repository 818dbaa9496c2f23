package com.smbhub.portal.api;

import com.smbhub.export.Importer;
import com.smbhub.platform.Jsonp;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;

/** An export ZIP brought into a new, empty business (issue 16, OWNER/ADMIN); the body is the ZIP's bytes. */
@ApplicationScoped
@Path("/import")
@Authenticated
public class ImportResource {

    @EJB Importer importer;

    /** 201 with the rows written per table and the files stored; 400 (field {@code file}) or 409 say why nothing was. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response load(InputStream body) {
        Importer.Result result = importer.load(body);
        JsonObjectBuilder rows = Jsonp.createObjectBuilder();
        result.rows().forEach(rows::add);
        return Response.fromResponse(Envelope.ok(Jsonp.createObjectBuilder().add("rows", rows).add("files", result.files())
                .build())).status(Response.Status.CREATED).build();
    }
}
