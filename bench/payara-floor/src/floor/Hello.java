package floor;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;

/** The smallest JAX-RS application: what Payara Micro needs to start and answer, and nothing of ours. */
@ApplicationPath("/api")
public class Hello extends Application {

    /** GET /api/ping: 200 "pong". */
    @Path("ping")
    public static class Ping {
        @GET
        public String ping() {
            return "pong";
        }
    }
}
