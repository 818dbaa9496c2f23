package com.smbhub.portal.api;

import com.smbhub.platform.Jsonp;
import com.smbhub.platform.errors.NotFoundException;
import com.smbhub.tenant.BusinessLogo;
import com.smbhub.tenant.BusinessSettingsService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;

/** The business's logo: the image itself, replace it (a PNG or JPEG as the body), remove it. */
@ApplicationScoped
@Path("/settings/logo")
@Authenticated
public class LogoResource {

    @EJB BusinessSettingsService settings;

    @GET
    public Response get() {
        BusinessLogo.Logo logo = settings.logo();
        if (logo == null) {
            throw new NotFoundException("logo");
        }
        return Response.ok(logo.bytes(), logo.type()).header("Cache-Control", "private, no-store")
                .header("X-Content-Type-Options", "nosniff").build();
    }

    @PUT
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response change(InputStream body) {
        BusinessLogo.Logo logo = settings.changeLogo(body);
        return Envelope.ok(Jsonp.createObjectBuilder().add("type", logo.type()).add("bytes", logo.bytes().length).build());
    }

    @DELETE
    @Produces(MediaType.APPLICATION_JSON)
    public Response remove() {
        settings.removeLogo();
        return Envelope.ok(Jsonp.createObjectBuilder().add("removed", true).build());
    }
}
