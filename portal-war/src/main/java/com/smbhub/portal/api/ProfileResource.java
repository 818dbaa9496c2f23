package com.smbhub.portal.api;

import com.smbhub.platform.Jsonp;
import com.smbhub.profile.EffectiveProfile;
import com.smbhub.profile.ProfileService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;

/** GET /api/v1/profile (effective profile) and PATCH /api/v1/profile/tenant-overrides (merge patch). */
@ApplicationScoped
@Path("/profile")
@Authenticated
public class ProfileResource {

    @EJB ProfileService profiles;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response effective() {
        return Envelope.ok(body(profiles.effective(), profiles.overridesJson()));
    }

    @PATCH
    @Path("/tenant-overrides")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response patchOverrides(String body) {
        EffectiveProfile effective = profiles.patchOverrides(body);
        return Envelope.ok(body(effective, profiles.overridesJson()));
    }

    private static JsonObject body(EffectiveProfile profile, String overrides) {
        try (var merged = Jsonp.createReader(new StringReader(profile.json()));
             var own = Jsonp.createReader(new StringReader(overrides))) {
            return Jsonp.createObjectBuilder(merged.readObject())
                    .add("profile_id", profile.profileId())
                    .add("version", profile.version())
                    .add("tenant_overrides", own.readObject())
                    .build();
        }
    }
}
