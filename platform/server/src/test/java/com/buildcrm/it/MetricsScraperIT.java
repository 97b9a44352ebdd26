package com.buildcrm.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildcrm.it.Api.Reply;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A metrics scraper gets in with {@code BUILDCRM_METRICS_TOKEN} as its HTTP Basic password. */
class MetricsScraperIT {

    private static final String TOKEN = "scrape-token-0123456789";

    @Test
    void theMetricsTokenLetsAScraperInAndNothingElseDoes() {
        try (ServerProcess server =
                ServerProcess.startFresh(Map.of("BUILDCRM_METRICS_TOKEN", TOKEN))) {
            Api api = server.api();
            Reply scraper = metrics(api, "prometheus:" + TOKEN);
            assertThat(scraper.status()).as(scraper.toString()).isEqualTo(200);
            assertThat(scraper.body()).contains("# TYPE");

            Reply wrong = metrics(api, "prometheus:not-the-token");
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.contentType()).startsWith("application/problem+json");
            assertThat(wrong.body()).doesNotContain("# TYPE");

            assertThat(api.get("/metrics", null).status()).isEqualTo(401);
        }
    }

    private static Reply metrics(Api api, String userAndPassword) {
        return api.raw(
                HttpRequest.newBuilder(api.uri("/metrics"))
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString(
                                                        userAndPassword.getBytes(
                                                                StandardCharsets.UTF_8))));
    }
}
