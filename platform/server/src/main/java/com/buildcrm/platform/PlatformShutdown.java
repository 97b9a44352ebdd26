package com.buildcrm.platform;

import com.buildcrm.config.ServerSettings;
import com.buildcrm.health.ServingProbe;
import com.buildcrm.jobs.JobScheduler;
import com.buildcrm.live.LiveHub;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * SIGTERM drains, then the process exits with status 0 (ADR 026):
 *
 * <ol>
 *   <li>readiness reports DOWN, so a proxy or platform health check stops sending traffic;
 *   <li>every live stream gets a {@code retry:} hint and is closed (clients reconnect elsewhere and
 *       replay with {@code Last-Event-ID});
 *   <li>the job scheduler takes no more jobs and running ones get up to {@code
 *       BUILDCRM_DRAIN_TIMEOUT_SECONDS} (default 20) to finish; a job still running after that
 *       stays picked and another instance revives it after the missed heartbeats;
 *   <li>{@code System.exit(0)}: Payara's own shutdown (undeploy, listeners) runs as usual.
 * </ol>
 *
 * The handler replaces the launcher's preliminary one (which only exits) once the platform has
 * started. A second SIGTERM while draining is ignored; SIGKILL is the platform's last word.
 */
@ApplicationScoped
public class PlatformShutdown {

    private static final Logger LOG = Logger.getLogger(PlatformShutdown.class.getName());

    /** What a closed stream's client is told to wait before reconnecting. */
    static final Duration RECONNECT = Duration.ofSeconds(2);

    @Inject ServingProbe probe;
    @Inject LiveHub live;
    @Inject JobScheduler jobs;

    private final AtomicBoolean draining = new AtomicBoolean();

    void install() {
        // the signal's thread has no context class loader: MicroProfile Config, CDI proxies and
        // JAX-RS need the application's, so it is captured here with the bound
        ClassLoader app = Thread.currentThread().getContextClassLoader();
        Duration bound = ServerSettings.drainTimeout(ConfigProvider.getConfig());
        for (String name : List.of("TERM", "INT")) {
            try {
                sun.misc.Signal.handle(
                        new sun.misc.Signal(name),
                        s -> {
                            Thread.currentThread().setContextClassLoader(app);
                            drainAndExit(name, bound);
                        });
            } catch (IllegalArgumentException | LinkageError e) {
                LOG.warning(() -> "cannot handle SIG" + name + " (" + e + "); it stops at once");
            }
        }
    }

    private void drainAndExit(String signal, Duration bound) {
        if (!draining.compareAndSet(false, true)) {
            return;
        }
        LOG.info(
                () ->
                        "SIG"
                                + signal
                                + ": draining (readiness DOWN, live streams told to reconnect,"
                                + " no new jobs, running jobs get up to "
                                + bound.toSeconds()
                                + " s)");
        long started = System.nanoTime();
        try {
            probe.drain();
            int streams = live.closeAllForShutdown(RECONNECT);
            jobs.drain();
            long ms = (System.nanoTime() - started) / 1_000_000;
            LOG.info(
                    () -> "Drained in " + ms + " ms (" + streams + " live streams closed); exit 0");
        } catch (RuntimeException | Error e) {
            LOG.log(Level.WARNING, "draining failed; exiting anyway", e);
        } finally {
            System.exit(0);
        }
    }
}
