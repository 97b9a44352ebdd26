package com.buildcrm.channel;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link HttpClient} per connect timeout, shared by all gateways: a client holds a selector
 * thread and a connection pool, so one per tenant would not scale. Request timeouts are per
 * request.
 */
public final class SharedHttpClients {

    private final Map<Duration, HttpClient> clients = new ConcurrentHashMap<>();

    public HttpClient withConnectTimeout(Duration connectTimeout) {
        return clients.computeIfAbsent(
                connectTimeout,
                timeout ->
                        HttpClient.newBuilder()
                                .connectTimeout(timeout)
                                .followRedirects(HttpClient.Redirect.NEVER)
                                .build());
    }
}
