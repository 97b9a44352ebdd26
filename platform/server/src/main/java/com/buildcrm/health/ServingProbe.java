package com.buildcrm.health;

import com.buildcrm.config.ServerSettings;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Readiness must not say "ready" while the container is still mapping the application: right after
 * start-up the REST layer can answer 500 or 404 for a moment. This probe calls our own {@code
 * /api/ping} over loopback until it answers, and only then lets readiness report UP.
 */
@ApplicationScoped
public class ServingProbe {

    private static final Logger LOG = Logger.getLogger(ServingProbe.class.getName());

    @Inject ServerSettings settings;

    @Resource ManagedExecutorService executor;

    private volatile boolean serving;
    private volatile boolean draining;

    /** Serving and not draining: what readiness reports. */
    public boolean serving() {
        return serving && !draining;
    }

    /** The instance is shutting down: readiness reports DOWN from now on. */
    public void drain() {
        draining = true;
    }

    public boolean draining() {
        return draining;
    }

    /**
     * Probes the REST layer in the background; {@code onServing} runs once it answers (the start-up
     * banner is printed then, as the last line of a start).
     */
    public void start(Runnable onServing) {
        executor.submit(() -> probe(onServing));
    }

    private void probe(Runnable onServing) {
        int port = httpPort();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ping =
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/ping"))
                        .timeout(Duration.ofSeconds(5))
                        .build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<Void> r = client.send(ping, HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 204
                        && r.headers().firstValue(PingResource.MARKER).isPresent()) {
                    serving = true;
                    LOG.fine(() -> "Serving requests on port " + port);
                    onServing.run();
                    return;
                }
            } catch (java.io.IOException e) {
                // not accepting connections yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Thread.sleep(200); // polling our own listener: there is no event to wait for
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        LOG.severe("The REST layer did not answer on port " + port + "; readiness stays DOWN");
    }

    /** Payara Micro's actual HTTP port (it may differ from BUILDCRM_PORT when --port is given). */
    private int httpPort() {
        try {
            Class<?> micro = Class.forName("fish.payara.micro.PayaraMicro");
            Object instance = micro.getMethod("getInstance").invoke(null);
            Object port = micro.getMethod("getHttpPort").invoke(instance);
            if (port instanceof Integer p && p > 0) {
                return p;
            }
        } catch (ReflectiveOperationException | LinkageError e) {
            LOG.fine(() -> "Payara Micro API not visible: " + e);
        }
        return settings.port();
    }
}
