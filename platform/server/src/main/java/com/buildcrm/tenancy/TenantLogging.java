package com.buildcrm.tenancy;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.interceptor.Interceptor;
import java.util.logging.Logger;

/**
 * Installs {@link TenantLogHandler} on our loggers at start-up, before the other start-up observers
 * (so the start-up's own tenant work is named too), and removes it at shutdown.
 */
@ApplicationScoped
public class TenantLogging {

    private static final Logger LOG = Logger.getLogger(TenantLogging.class.getName());

    private final Logger ours = Logger.getLogger(TenantLogHandler.OUR_LOGGERS);
    private volatile TenantLogHandler handler;

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) Startup event) {
        if (handler == null) {
            handler = TenantLogHandler.install(ours, new TenantLogHandler());
            // written through the handler just installed: if this line is in the log, ours are too
            LOG.info("Log lines of com.buildcrm name their tenant as [tenant <slug>#<id>]");
        }
    }

    @PreDestroy
    void stop() {
        if (handler != null) {
            TenantLogHandler.uninstall(ours, handler);
            handler = null;
        }
    }
}
