package com.buildcrm.tenancy;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import java.util.logging.Logger;

/** Installs {@link TenantLogHandler} on our loggers at start-up and removes it at shutdown. */
@ApplicationScoped
public class TenantLogging {

    private static final Logger LOG = Logger.getLogger(TenantLogging.class.getName());

    private final Logger ours = Logger.getLogger(TenantLogHandler.OUR_LOGGERS);
    private volatile TenantLogHandler handler;

    void onStart(@Observes Startup event) {
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
