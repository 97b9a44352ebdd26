package com.buildcrm.channel;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;

/**
 * Makes one HTTP call to a provider and sorts transport failures into send outcomes: failures
 * before the request could leave (refused, connect timeout, unknown host) are retryable rejections;
 * a request timeout or a broken connection is {@link SendResult.Unknown}, since the provider may
 * have sent the message. Messages never include the request URL (it may carry a token).
 */
public final class ProviderCall {

    /** Replies are small JSON envelopes; read no more than this of one. */
    static final int MAX_REPLY_BYTES = 1 << 20;

    private ProviderCall() {}

    public sealed interface Outcome {}

    /** The provider answered; {@code body} is at most {@link #MAX_REPLY_BYTES} of it, as UTF-8. */
    public record Replied(int status, String body) implements Outcome {
        public boolean is2xx() {
            return status >= 200 && status < 300;
        }
    }

    public record Failed(SendResult result) implements Outcome {}

    public static Outcome execute(HttpClient client, HttpRequest request) {
        try {
            HttpResponse<InputStream> response =
                    client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                byte[] bytes = in.readNBytes(MAX_REPLY_BYTES);
                return new Replied(
                        response.statusCode(), new String(bytes, StandardCharsets.UTF_8));
            }
        } catch (HttpConnectTimeoutException e) {
            return new Failed(
                    SendResult.rejected("Provider did not accept a connection in time", true));
        } catch (HttpTimeoutException e) {
            return new Failed(
                    SendResult.unknown(
                            "No reply from the provider in time; the message may have been sent"));
        } catch (ConnectException e) {
            return new Failed(SendResult.rejected("Provider refused the connection", true));
        } catch (IOException e) {
            if (hasCause(e, UnresolvedAddressException.class)) {
                return new Failed(SendResult.rejected("Provider host not found", true));
            }
            return new Failed(
                    SendResult.unknown(
                            "Connection to the provider broke ("
                                    + e.getClass().getSimpleName()
                                    + "); the message may have been sent"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failed(SendResult.unknown("Interrupted while waiting for the provider"));
        } catch (RuntimeException e) {
            return new Failed(
                    SendResult.rejected(
                            "Could not call the provider (" + e.getClass().getSimpleName() + ")",
                            false));
        }
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
