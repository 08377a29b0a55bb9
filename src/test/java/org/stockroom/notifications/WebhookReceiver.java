package org.stockroom.notifications;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on a free loopback port that records every webhook request and answers with
 * the statuses it is given, in order, then 200.
 */
final class WebhookReceiver implements AutoCloseable {

    record Request(Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Deque<Integer> answers = new ArrayDeque<>();
    private volatile int otherwise = 200;

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                requests.add(new Request(Map.copyOf(exchange.getRequestHeaders()), body));
            }
            exchange.sendResponseHeaders(nextAnswer(), -1);
            exchange.close();
        });
        server.start();
    }

    /** Answers these statuses to the next requests, then 200. */
    synchronized WebhookReceiver answering(Integer... statuses) {
        answers.addAll(List.of(statuses));
        return this;
    }

    /** Answers {@code status} to every request. */
    WebhookReceiver alwaysAnswering(int status) {
        otherwise = status;
        return this;
    }

    private synchronized int nextAnswer() {
        return answers.isEmpty() ? otherwise : answers.poll();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Request> requestsOfType(String type) {
        return requests.stream()
                .filter(r -> r.body().contains("\"type\":\"" + type + "\""))
                .toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
