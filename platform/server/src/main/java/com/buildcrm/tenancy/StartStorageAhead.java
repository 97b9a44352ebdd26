package com.buildcrm.tenancy;

import com.buildcrm.config.ServerSettings;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Starts the embedded database as soon as CDI begins, before the beans are discovered: PostgreSQL
 * starts and the platform schema migrates on a thread of their own during the seconds the
 * application server spends deploying (CDI, JAX-RS), instead of after them ({@link
 * Storage#startAhead}, ADR 047). Registered in {@code META-INF/services}.
 */
public class StartStorageAhead implements Extension {

    private static final Logger LOG = Logger.getLogger(StartStorageAhead.class.getName());

    void begin(@Observes BeforeBeanDiscovery event) {
        ServerSettings settings;
        try {
            settings = ServerSettings.from(ConfigProvider.getConfig());
        } catch (RuntimeException e) {
            // a setting the start will refuse in its own words: nothing is started ahead
            LOG.log(Level.FINE, "storage not started ahead", e);
            return;
        }
        Storage.startAhead(settings);
    }
}
