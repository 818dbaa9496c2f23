package com.smbhub.portal.health;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/** Ready when the database answers and every migration is applied. */
@org.eclipse.microprofile.health.Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @EJB com.smbhub.platform.db.Readiness readiness;

    @Override
    public HealthCheckResponse call() {
        com.smbhub.platform.db.Readiness.State state = readiness.check();
        return HealthCheckResponse.named("database")
                .status(state.ready())
                .withData("connected", state.database())
                .withData("schema_version", state.schemaVersion())
                .withData("pending_migrations", state.pendingMigrations())
                .build();
    }
}
