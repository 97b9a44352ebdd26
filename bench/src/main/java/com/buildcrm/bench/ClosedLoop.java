package com.buildcrm.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** A closed-loop HTTP load of one path and its latency percentiles, shared by the read benches. */
final class ClosedLoop {

    private ClosedLoop() {}

    record Result(int count, double rps, double p50, double p95, double p99, int errors) {}

    /**
     * {@code clients} threads send GET {@code path} back to back for {@code secs} seconds, each
     * with the bearer {@code token} (none for {@code /api/ping}); null unless {@code report}.
     */
    static Result measure(
            BenchServer server, String token, String path, int clients, int secs, boolean report)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + Duration.ofSeconds(secs).toNanos();
        long start = System.nanoTime();
        List<Future<long[]>> futures = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            futures.add(
                    pool.submit(
                            () -> {
                                long[] lat = new long[1 << 16];
                                int n = 0;
                                int errors = 0;
                                while (System.nanoTime() < end && n < lat.length - 1) {
                                    HttpRequest.Builder b =
                                            HttpRequest.newBuilder(URI.create(server.base() + path))
                                                    .timeout(Duration.ofSeconds(30));
                                    if (!path.equals("/api/ping")) {
                                        b.header("Authorization", "Bearer " + token);
                                    }
                                    long t = System.nanoTime();
                                    HttpResponse<byte[]> r =
                                            server.http()
                                                    .send(
                                                            b.build(),
                                                            HttpResponse.BodyHandlers
                                                                    .ofByteArray());
                                    lat[n++] = System.nanoTime() - t;
                                    if (r.statusCode() / 100 != 2) {
                                        errors++;
                                    }
                                }
                                long[] out = Arrays.copyOf(lat, n + 1);
                                out[n] = -errors - 1L; // the last slot carries the error count
                                return out;
                            }));
        }
        List<Long> all = new ArrayList<>();
        int errors = 0;
        for (Future<long[]> f : futures) {
            long[] a = f.get();
            errors += (int) (-a[a.length - 1] - 1);
            for (int i = 0; i < a.length - 1; i++) {
                all.add(a[i]);
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        if (!report || all.isEmpty()) {
            return null;
        }
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Result(
                sorted.length,
                sorted.length / elapsed,
                pct(sorted, 0.50),
                pct(sorted, 0.95),
                pct(sorted, 0.99),
                errors);
    }

    private static double pct(long[] sorted, double p) {
        int i = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }
}
