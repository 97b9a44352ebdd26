package com.buildcrm.push;

import com.interaso.webpush.WebPush;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Sends one push over HTTP: the library builds the encrypted body (RFC 8291, aes128gcm) and the
 * VAPID headers (RFC 8292); this class only posts them with timeouts and reads the answer.
 */
@ApplicationScoped
public class PushSender {

    /** What the push service's answer means for the delivery. */
    enum Outcome {
        DELIVERED,
        /** 404/410: the subscription is gone (unsubscribed, expired). */
        GONE,
        /** 429, 5xx, a timeout or a broken connection: try again later. */
        RETRY,
        /** Any other 4xx: the request itself is refused; retrying will not help. */
        REFUSED
    }

    /** The outcome with the status (0 without an answer) and a short reason for the log. */
    record Result(Outcome outcome, int status, String reason) {}

    @Inject PushSettings settings;
    @Inject VapidKeyStore keys;

    private volatile HttpClient client;

    Result send(String endpoint, String p256dh, String auth, String payload, String urgency) {
        WebPush push = keys.webPush();
        byte[] body;
        Map<String, String> headers;
        try {
            Base64.Decoder b64 = Base64.getUrlDecoder();
            body =
                    push.getBody(
                            payload.getBytes(StandardCharsets.UTF_8),
                            b64.decode(p256dh),
                            b64.decode(auth));
            headers =
                    push.getHeaders(
                            endpoint,
                            settings.ttlSeconds(),
                            null,
                            "high".equals(urgency) ? WebPush.Urgency.High : WebPush.Urgency.Normal);
        } catch (RuntimeException e) {
            return new Result(
                    Outcome.REFUSED, 0, "cannot encrypt: " + e.getClass().getSimpleName());
        }
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(endpoint))
                        .timeout(settings.timeout())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            HttpResponse<Void> response =
                    client().send(request.build(), HttpResponse.BodyHandlers.discarding());
            return classify(response.statusCode());
        } catch (IOException e) {
            return new Result(Outcome.RETRY, 0, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(Outcome.RETRY, 0, "interrupted");
        }
    }

    static Result classify(int status) {
        if (status >= 200 && status < 300) {
            return new Result(Outcome.DELIVERED, status, null);
        }
        if (status == 404 || status == 410) {
            return new Result(Outcome.GONE, status, "gone");
        }
        if (status == 429 || status >= 500 || status == 408) {
            return new Result(Outcome.RETRY, status, "HTTP " + status);
        }
        return new Result(Outcome.REFUSED, status, "HTTP " + status);
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    c =
                            HttpClient.newBuilder()
                                    .connectTimeout(settings.timeout())
                                    .followRedirects(HttpClient.Redirect.NEVER)
                                    .build();
                    client = c;
                }
            }
        }
        return c;
    }
}
