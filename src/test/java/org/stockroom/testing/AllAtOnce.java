package org.stockroom.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Sends {@code count} requests released together from a start line, at most {@code threads} in flight, answers in request order. */
public final class AllAtOnce {

    private AllAtOnce() {}

    public static List<Api.Response> send(int count, int threads, IntFunction<Callable<Api.Response>> request)
            throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(count, threads));
        try {
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Callable<Api.Response> call = request.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Api.Response> answers = new ArrayList<>();
            for (Future<Api.Response> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
