package com.buildcrm.channel;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * One bounded GET of a provider's file or media description, for the gateways' {@code download}.
 * The body is read up to the limit and no further (a declared {@code Content-Length} above it is
 * refused before reading); every transport failure and HTTP status is sorted into a {@link
 * MediaDownload.Failed} that says whether to try again. Messages never include the URL (it may
 * carry a token or be a signed link).
 */
public final class MediaFetch {

    private MediaFetch() {}

    /** The outcome of one GET. */
    public sealed interface Result {}

    /** No usable answer. */
    public record Refused(MediaDownload.Failed failure) implements Result {}

    /** An answer with its body: a 2xx, read completely within the limit. */
    public record Body(byte[] bytes, String contentType) implements Result {
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /**
     * @param bearer sent as {@code Authorization: Bearer …} when not null
     * @param what names the request in failure reasons, e.g. "Meta media download"
     * @return a {@link Body} on a 2xx within {@code maxBytes}, else {@link Refused}
     */
    public static Result get(
            HttpClient client,
            URI uri,
            String bearer,
            Duration timeout,
            long maxBytes,
            String what) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            HttpResponse<InputStream> response =
                    client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                int status = response.statusCode();
                if (status < 200 || status > 299) {
                    return new Refused(statusFailure(what, status));
                }
                OptionalLong declared = response.headers().firstValueAsLong("Content-Length");
                if (declared.isPresent() && declared.getAsLong() > maxBytes) {
                    return new Refused(tooLarge(what, declared.getAsLong(), maxBytes));
                }
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (bytes.length > maxBytes) {
                    return new Refused(tooLarge(what, -1, maxBytes));
                }
                return new Body(bytes, response.headers().firstValue("Content-Type").orElse(null));
            }
        } catch (HttpTimeoutException e) {
            return refused(what + ": no answer in time", true);
        } catch (IOException e) {
            return refused(
                    what + ": could not reach the provider (" + e.getClass().getSimpleName() + ")",
                    true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return refused(what + ": interrupted", true);
        } catch (RuntimeException e) {
            return refused(
                    what + ": could not call the provider (" + e.getClass().getSimpleName() + ")",
                    false);
        }
    }

    private static Refused refused(String reason, boolean retryable) {
        return new Refused(new MediaDownload.Failed(reason, retryable));
    }

    /**
     * 401/403: the credentials are refused; 404/410: no such file (or expired); other 4xx: the
     * request is wrong — none of them gets better by asking again. 408, 429 and 5xx do.
     */
    static MediaDownload.Failed statusFailure(String what, int status) {
        String meaning =
                switch (status) {
                    case 401, 403 -> "the provider refused the credentials";
                    case 404, 410 -> "no such media (unknown id or expired link)";
                    case 408, 429 -> "the provider is busy";
                    default -> status >= 500 ? "the provider failed" : "the provider refused";
                };
        boolean retryable = status == 408 || status == 429 || status >= 500;
        return new MediaDownload.Failed(what + ": HTTP " + status + ", " + meaning, retryable);
    }

    public static MediaDownload.Failed tooLarge(String what, long size, long maxBytes) {
        return new MediaDownload.Failed(
                what
                        + ": the file is larger than "
                        + maxBytes
                        + " bytes"
                        + (size > 0 ? " (" + size + ")" : ""),
                false);
    }

    /** {@code image/jpeg; charset=…} gives {@code image/jpeg}; null and blank give null. */
    public static String baseType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        String base = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return base.isBlank() ? null : base.strip().toLowerCase(Locale.ROOT);
    }
}
