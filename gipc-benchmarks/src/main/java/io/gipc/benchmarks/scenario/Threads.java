package io.gipc.benchmarks.scenario;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/** Runs a measurement on a new platform or virtual thread and hands back its result or failure. */
final class Threads {

    private Threads() {}

    static <T> T call(boolean virtual, Callable<T> body) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Runnable runnable = () -> {
            try {
                result.set(body.call());
            } catch (Exception e) {
                failure.set(e);
            }
        };
        Thread thread = virtual
                ? Thread.ofVirtual().name("bench-virtual").start(runnable)
                : Thread.ofPlatform().name("bench-platform").start(runnable);
        thread.join();
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }
}
