package com.buildcrm.channel;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link InboundWebhook#authenticate} needs of an HTTP request. The maps take JAX-RS's {@code
 * MultivaluedMap}s as they are; header names are matched ignoring case.
 *
 * @param body the raw body bytes exactly as received (signatures are over these)
 */
public record WebhookRequest(
        Map<String, List<String>> query, Map<String, List<String>> headers, byte[] body) {

    public WebhookRequest {
        query = query == null ? Map.of() : query;
        headers = headers == null ? Map.of() : headers;
        body = body == null ? new byte[0] : body;
    }

    /** The first value of a query parameter, or null. */
    public String queryParameter(String name) {
        return first(query.get(name));
    }

    /** The first value of a header, its name matched ignoring case, or null. */
    public String header(String name) {
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name)) {
                return first(entry.getValue());
            }
        }
        return null;
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public static WebhookRequest of(
            Map<String, String> query, Map<String, String> headers, byte[] body) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(headers, "headers");
        return new WebhookRequest(single(query), single(headers), body);
    }

    private static Map<String, List<String>> single(Map<String, String> map) {
        return map.entrySet().stream()
                .collect(
                        java.util.stream.Collectors.toUnmodifiableMap(
                                Map.Entry::getKey, e -> List.of(e.getValue())));
    }
}
