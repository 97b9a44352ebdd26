package com.buildcrm.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import org.eclipse.microprofile.config.ConfigProvider;

/** Produces the server's settings and its clock (injected everywhere time matters). */
@ApplicationScoped
public class SettingsProducer {

    private volatile ServerSettings settings;
    private volatile ScaleOutSettings scaleOut;

    /** Records are final and cannot be proxied: dependent scope, one cached instance. */
    @Produces
    @Dependent
    ServerSettings settings() {
        ServerSettings s = settings;
        if (s == null) {
            s = ServerSettings.from(ConfigProvider.getConfig());
            settings = s;
        }
        return s;
    }

    @Produces
    @Dependent
    ScaleOutSettings scaleOut() {
        ScaleOutSettings s = scaleOut;
        if (s == null) {
            s = ScaleOutSettings.from(ConfigProvider.getConfig());
            scaleOut = s;
        }
        return s;
    }

    @Produces
    @Dependent
    Clock clock() {
        return Clock.systemUTC();
    }
}
