package com.buildcrm.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildcrm.notify.AlertKind;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The push package's pure rules: endpoints, keys, payload texts and answers. */
class PushRulesTest {

    @Test
    void endpointsMustBePublicHttpsUnlessLocalhostIsAllowed() {
        assertThat(
                        PushSubscriptions.endpointProblem(
                                "https://fcm.googleapis.com/fcm/send/x", false))
                .isNull();
        assertThat(PushSubscriptions.endpointProblem("http://fcm.googleapis.com/x", false))
                .isEqualTo("an https URL");
        assertThat(PushSubscriptions.endpointProblem("not a url", false)).isNotNull();
        assertThat(PushSubscriptions.endpointProblem("https://user@push.example/x", false))
                .isNotNull();
        assertThat(PushSubscriptions.endpointProblem("https://127.0.0.1/x", false)).isNotNull();
        assertThat(PushSubscriptions.endpointProblem("https://10.1.2.3/x", false)).isNotNull();
        assertThat(PushSubscriptions.endpointProblem("https://192.168.0.2/x", false)).isNotNull();
        assertThat(PushSubscriptions.endpointProblem("https://[::1]/x", false)).isNotNull();
        assertThat(PushSubscriptions.endpointProblem("http://localhost:9/x", false)).isNotNull();
        assertThat(PushSubscriptions.endpointProblem("http://127.0.0.1:9/x", true)).isNull();
        assertThat(PushSubscriptions.endpointProblem("http://localhost:9/x", true)).isNull();
        assertThat(PushSubscriptions.endpointProblem("http://10.0.0.1:9/x", true)).isNotNull();
        assertThat(PushSubscriptions.endpointProblem("ftp://127.0.0.1/x", true)).isNotNull();
        assertThat(
                        PushSubscriptions.endpointProblem(
                                "https://" + "a".repeat(300) + ".com/x", false))
                .isNotNull();
        assertThat(PushSubscriptions.endpointProblem("https://[zz::1]/x", false)).isNotNull();
        assertThat(PushSubscriptions.endpointProblem("", false)).isNotNull();
    }

    @Test
    void p256dhMustBeAPointOnTheCurve() {
        byte[] rfc =
                Base64.getUrlDecoder()
                        .decode(
                                "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4");
        assertThat(P256.isUncompressedPoint(rfc)).isTrue();
        byte[] off = rfc.clone();
        off[64] ^= 1;
        assertThat(P256.isUncompressedPoint(off)).isFalse();
        assertThat(P256.isUncompressedPoint(new byte[65])).isFalse();
        assertThat(P256.isUncompressedPoint(new byte[33])).isFalse();
        assertThat(P256.isUncompressedPoint(null)).isFalse();
    }

    @Test
    void payloadsOpenTheLeadAndStayShort() {
        JsonObject p =
                json(
                        PushTexts.payload(
                                AlertKind.CLIENT_WAITING,
                                new PushTexts.LeadFacts(
                                        42, "Ерлан", "+77015550101", "а ".repeat(200), null),
                                "ru"));
        assertThat(p.getString("title")).isEqualTo("Клиент ждёт ответа: Ерлан");
        assertThat(p.getString("body")).hasSizeLessThanOrEqualTo(PushTexts.BODY_MAX);
        assertThat(p.getString("url")).isEqualTo("/crm/leads/42");
        assertThat(p.getInt("leadId")).isEqualTo(42);
        assertThat(p.getString("kind")).isEqualTo("CLIENT_WAITING");
        assertThat(p.getString("tag")).isEqualTo("lead-42-client_waiting");
        assertThat(PushTexts.title(AlertKind.ASSIGNED, "Ерлан", "ru"))
                .isEqualTo("Вам назначен лид: Ерлан");
        assertThat(PushTexts.title(AlertKind.CALL_SOON, "Ерлан", "ru"))
                .isEqualTo("Звонок через 10 минут: Ерлан");
        assertThat(PushTexts.title(AlertKind.HOT_LEAD, "Ерлан", "ru"))
                .isEqualTo("Новый горячий лид: Ерлан");
        assertThat(PushTexts.title(AlertKind.HOT_LEAD, "Erlan", "en"))
                .isEqualTo("New hot lead: Erlan");
        JsonObject noName =
                json(
                        PushTexts.payload(
                                AlertKind.HOT_LEAD,
                                new PushTexts.LeadFacts(7, null, "+77015550101", null, null),
                                "ru"));
        assertThat(noName.getString("title")).isEqualTo("Новый горячий лид: +77015550101");
    }

    @Test
    void answersMapToOutcomes() {
        assertThat(PushSender.classify(201).outcome()).isEqualTo(PushSender.Outcome.DELIVERED);
        assertThat(PushSender.classify(202).outcome()).isEqualTo(PushSender.Outcome.DELIVERED);
        assertThat(PushSender.classify(404).outcome()).isEqualTo(PushSender.Outcome.GONE);
        assertThat(PushSender.classify(410).outcome()).isEqualTo(PushSender.Outcome.GONE);
        assertThat(PushSender.classify(429).outcome()).isEqualTo(PushSender.Outcome.RETRY);
        assertThat(PushSender.classify(500).outcome()).isEqualTo(PushSender.Outcome.RETRY);
        assertThat(PushSender.classify(503).outcome()).isEqualTo(PushSender.Outcome.RETRY);
        assertThat(PushSender.classify(400).outcome()).isEqualTo(PushSender.Outcome.REFUSED);
        assertThat(PushSender.classify(413).outcome()).isEqualTo(PushSender.Outcome.REFUSED);
    }

    private static JsonObject json(String s) {
        try (var r = Json.createReader(new StringReader(s))) {
            return r.readObject();
        }
    }
}
