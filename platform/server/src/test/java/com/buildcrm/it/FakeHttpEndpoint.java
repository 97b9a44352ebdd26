package com.buildcrm.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The scaffolding of a scriptable fake of an outside HTTP API on 127.0.0.1 ({@link FakeOpenAi},
 * {@link FakeTranscription}): a real HTTP server under {@code /v1}, queued answers given in order,
 * a default answer when the queue is empty, optional delays (a hanging endpoint), and every request
 * recorded. A subclass says which path it serves, how it records a request and what it answers on
 * any other path.
 *
 * @param <A> the subclass's scripted answer
 * @param <R> the subclass's recorded request
 */
public abstract class FakeHttpEndpoint<A extends FakeHttpEndpoint.Scripted, R>
        implements AutoCloseable {

    /** A scripted answer: status, JSON body, and how long to wait before sending it. */
    public interface Scripted {
        int status();

        String body();

        Duration delay();
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final ConcurrentLinkedQueue<A> answers = new ConcurrentLinkedQueue<>();
    private final List<R> requests = new CopyOnWriteArrayList<>();
    private volatile A defaultAnswer;

    /**
     * @param threadName the prefix of the server's thread names
     * @param defaultAnswer the answer while nothing is queued
     */
    protected FakeHttpEndpoint(String threadName, A defaultAnswer) throws IOException {
        this.defaultAnswer = defaultAnswer;
        AtomicInteger threads = new AtomicInteger();
        executor =
                Executors.newCachedThreadPool(
                        r -> {
                            Thread t = new Thread(r, threadName + "-" + threads.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        });
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The path suffix this fake serves with POST, e.g. {@code /chat/completions}. */
    protected abstract String servedPath();

    /** The request as this fake records it. */
    protected abstract R record(HttpExchange exchange, byte[] body);

    /** The answer to a request on any other method or path. */
    protected abstract A notFound();

    /** The base URL to configure, e.g. {@code http://127.0.0.1:41234/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Queues answers, given in this order to the next requests. */
    protected void queue(List<A> next) {
        answers.addAll(next);
    }

    /** Sets the answer given while nothing is queued. */
    protected void answerByDefault(A answer) {
        this.defaultAnswer = answer;
    }

    /** Every request so far, oldest first. */
    public List<R> requests() {
        return List.copyOf(requests);
    }

    /** Forgets the recorded requests and the queued answers. */
    public void reset() {
        requests.clear();
        answers.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.add(record(exchange, exchange.getRequestBody().readAllBytes()));
            A answer;
            if (!exchange.getRequestMethod().equals("POST")
                    || !exchange.getRequestURI().getPath().endsWith(servedPath())) {
                answer = notFound();
            } else {
                A queued = answers.poll();
                answer = queued != null ? queued : defaultAnswer;
            }
            if (!answer.delay().isZero()) {
                try {
                    Thread.sleep(answer.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (IOException e) {
            // the client gave up (e.g. its timeout): nothing to answer
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
