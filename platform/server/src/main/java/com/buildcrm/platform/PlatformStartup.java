package com.buildcrm.platform;

import com.buildcrm.config.ScaleOutSettings;
import com.buildcrm.config.ServerSettings;
import com.buildcrm.demo.DemoSeed;
import com.buildcrm.health.ServingProbe;
import com.buildcrm.identity.OperatorBootstrap;
import com.buildcrm.jobs.JobRegistry;
import com.buildcrm.launcher.Launcher;
import com.buildcrm.media.MediaStore;
import com.buildcrm.pack.PackHost;
import com.buildcrm.secret.MasterKey;
import com.buildcrm.tenancy.Storage;
import com.buildcrm.tenancy.TenantSchemaUpgrades;
import com.buildcrm.web.ClientAddresses;
import com.buildcrm.web.CorsPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Start-up, in order: storage (database, platform schema, persistence unit) → industry packs →
 * first operator → tenants whose schema is behind, upgraded in the background (off the request
 * path) → the jobs (every {@code Job} CDI knows) → the demo tenant (embedded default, first start
 * only) → SIGTERM drains ({@link PlatformShutdown}) → the banner, once readiness is UP.
 */
@ApplicationScoped
public class PlatformStartup {

    private static final Logger LOG = Logger.getLogger(PlatformStartup.class.getName());

    @Inject ServerSettings settings;
    @Inject ScaleOutSettings scaleOut;
    @Inject Storage storage;
    @Inject OperatorBootstrap operators;
    @Inject TenantSchemaUpgrades upgrades;
    @Inject JobRegistry jobs;
    @Inject PackHost packs;
    @Inject ServingProbe probe;
    @Inject DemoSeed demo;
    @Inject Instance<MasterKey> masterKey;
    @Inject PlatformShutdown shutdown;
    @Inject MediaStore media;
    @Inject CorsPolicy cors;

    void onStart(@Observes Startup event) {
        try {
            start();
            System.setProperty(Launcher.STARTED_PROPERTY, "true");
        } catch (RuntimeException | Error e) {
            // the launcher (the uber jar's main) exits non-zero with this line
            System.setProperty(Launcher.FAILURE_PROPERTY, Launcher.oneLine(e));
            throw e;
        }
    }

    private void start() {
        long started = System.nanoTime();
        // fail fast: without its master key (required with an external database) the server
        // would start and then answer 500 to everything that touches a secret
        masterKey.get();
        ClientAddresses.parse(scaleOut.trustedProxies()); // a mistyped proxy list fails here
        // a bad BUILDCRM_CORS_ORIGINS is a start error, not a silently closed or open API
        cors.origins();
        storage.start(settings, scaleOut);
        media.check();
        packs.start();
        var first = operators.ensureFirstOperator();
        upgrades.upgradeBehindInBackground();
        jobs.start();
        var demoLogins = demo.ensureSeeded();
        shutdown.install();
        long ms = (System.nanoTime() - started) / 1_000_000;
        StringBuilder banner =
                new StringBuilder()
                        .append("\n============================================================\n")
                        .append(" BuildCRM is starting at ")
                        .append(settings.baseUrl())
                        .append("/\n")
                        .append("   operator console: ")
                        .append(settings.baseUrl())
                        .append("/admin/\n")
                        .append("   business CRM:     ")
                        .append(settings.baseUrl())
                        .append("/crm/\n")
                        .append("   API (OpenAPI):    ")
                        .append(settings.baseUrl())
                        .append("/openapi\n")
                        .append("   data directory:   ")
                        .append(settings.dataDir())
                        .append('\n');
        first.ifPresent(
                op -> {
                    banner.append("   first operator:   ").append(op.email());
                    op.generatedPassword()
                            .ifPresent(
                                    pw ->
                                            banner.append(" / ")
                                                    .append(pw)
                                                    .append("   (generated, shown only once)"));
                    banner.append('\n');
                });
        demoLogins.ifPresent(
                d ->
                        banner.append("   demo company:     ")
                                .append(d.tenantSlug())
                                .append(" (CRM login: company code '")
                                .append(d.tenantSlug())
                                .append("')\n")
                                .append("     owner:          ")
                                .append(d.ownerEmail())
                                .append(" / ")
                                .append(d.ownerPassword())
                                .append('\n')
                                .append("     manager:        ")
                                .append(d.managerEmail())
                                .append(" / ")
                                .append(d.managerPassword())
                                .append('\n')
                                .append("     (demo passwords, embedded default only)\n"));
        banner.append(" platform ready in ")
                .append(ms)
                .append(" ms\n")
                .append("============================================================");
        // printed once the REST layer answers (readiness UP): the last line of a start
        String text = banner.toString();
        probe.start(() -> LOG.info(text));
    }
}
