package com.smbhub.platform.security;

import com.smbhub.platform.Ids;
import com.smbhub.platform.db.NativeSql;
import com.smbhub.platform.tenancy.RequestContext;
import jakarta.persistence.EntityManager;

/** The one check for platform ops work (every business's webhooks, making a business for a customer). */
public final class PlatformOps {

    private PlatformOps() {
    }

    /** The signed-in ops user's id; anyone else is refused. */
    public static String require(EntityManager em) {
        String user = RequestContext.current().map(RequestContext::userId).orElse(null);
        boolean ops = user != null && Ids.isId(user) && !NativeSql.query(em, "select 1 from users where id = cast(?1 as uuid)"
                + " and platform_role = 'OPS' and status = 'ACTIVE'").setParameter(1, user).getResultList().isEmpty();
        if (!ops) {
            throw new PermissionDeniedException(Capability.MANAGE_SETTINGS);
        }
        return user;
    }
}
