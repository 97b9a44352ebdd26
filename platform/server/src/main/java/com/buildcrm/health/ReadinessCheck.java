package com.buildcrm.health;

import com.buildcrm.tenancy.Storage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once storage has started, the REST layer serves requests and the database answers; DOWN
 * again from the moment the instance drains (SIGTERM), so a proxy stops sending it traffic.
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    @Inject Storage storage;
    @Inject ServingProbe probe;

    @Override
    public HealthCheckResponse call() {
        if (!storage.ready() || !probe.serving()) {
            return HealthCheckResponse.down("database");
        }
        try (Connection c = storage.dataSource().getConnection()) {
            return c.isValid(2)
                    ? HealthCheckResponse.up("database")
                    : HealthCheckResponse.down("database");
        } catch (Exception e) {
            return HealthCheckResponse.named("database")
                    .down()
                    .withData("error", e.getClass().getSimpleName())
                    .build();
        }
    }
}
