package com.smbhub.portal.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while the warm-up runs ({@link Warmup}), so a load balancer sends users only to a warm instance. */
@Readiness
@ApplicationScoped
public class WarmupReadiness implements HealthCheck {

    @Inject Warmup warmup;

    @Override
    public HealthCheckResponse call() {
        Warmup.State state = warmup.state();
        return HealthCheckResponse.named("warm-up").status(state.done())
                .withData("requests", state.requests())
                .withData("millis", state.millis())
                .withData("state", state.detail())
                .build();
    }
}
