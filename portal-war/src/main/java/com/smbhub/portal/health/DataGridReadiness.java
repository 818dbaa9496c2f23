package com.smbhub.portal.health;

import com.smbhub.platform.grid.DataGrid;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Down when the server has a data grid but this instance's member of it no longer runs (its rate limits and cache
 * evictions would stay on it alone); up on a server without one. {@code members} is how many instances it sees.
 */
@Readiness
@ApplicationScoped
public class DataGridReadiness implements HealthCheck {

    @EJB DataGrid grid;

    @Override
    public HealthCheckResponse call() {
        DataGrid.State state = grid.state();
        return HealthCheckResponse.named("data-grid").status(state.healthy())
                .withData("joined", state.joined())
                .withData("members", state.members())
                .build();
    }
}
