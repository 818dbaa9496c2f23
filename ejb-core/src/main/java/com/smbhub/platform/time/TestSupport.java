package com.smbhub.platform.time;

import com.smbhub.platform.db.DemoSeeder;
import com.smbhub.platform.db.NativeSql;
import com.smbhub.platform.errors.NotFoundException;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What a system test needs from its stack and nothing else can give: businesses of its own (so no
 * test depends on what another left in a shared one) and a business clock it sets. Only a stack
 * started with {@code smbhub.test-support=true} (./smbhub it-up) answers; everywhere else every call
 * is "not found", as if it did not exist.
 */
@Stateless
public class TestSupport {

    private static final Logger LOG = Logger.getLogger(TestSupport.class.getName());

    @PersistenceContext(unitName = "smbhub") EntityManager em;

    @EJB DemoSeeder seeder;

    @Inject @ConfigProperty(name = "smbhub.test-support", defaultValue = "false") boolean enabled;

    public boolean enabled() {
        return enabled;
    }

    /** A fresh Northside/Maple pair of businesses with their logins, for one test class. */
    public DemoSeeder.World world() {
        require();
        return seeder.world();
    }

    /** Runs the business's clock as if it were {@code at} now; {@code null} puts it back on the real clock. */
    public void setClock(String business, Instant at) {
        require();
        List<?> found = NativeSql.query(em, "select cast(id as text) from tenants where external_org_id = ?1")
                .setParameter(1, business).getResultList();
        if (found.isEmpty()) {
            throw new NotFoundException("business");
        }
        String tenantId = found.get(0).toString();
        if (at == null) {
            BusinessClock.reset(tenantId);
        } else {
            BusinessClock.set(tenantId, at);
        }
        LOG.info(() -> "Test support: the clock of " + business + " is " + (at == null ? "real" : "at " + at));
    }

    private void require() {
        if (!enabled) {
            throw new NotFoundException("resource");
        }
    }
}
