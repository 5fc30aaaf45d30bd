package io.gipc.autoconfigure;

import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application context of a {@code SPRING} mode pool worker: started once per worker JVM (by the pool's warm-up,
 * or by the first call if that did not), kept for every later call, and closed when the JVM exits, by Spring Boot's
 * shutdown hook (the worker exits when its pool retires or closes it).
 *
 * <p>Thread-safe; a context that failed to start is tried again by the next call.
 */
final class WorkerContext {

    private static final ReentrantLock lock = new ReentrantLock();

    private static volatile @Nullable ConfigurableApplicationContext context;

    private WorkerContext() {}

    /**
     * Returns this JVM's context, starting it first if needed.
     *
     * @param sources the parent's sources and profiles
     * @param entryPoint the pool's entry point
     * @return the started context
     * @throws Exception why the context could not start
     */
    static ConfigurableApplicationContext get(ChildApplicationSources sources, String entryPoint) throws Exception {
        ConfigurableApplicationContext started = context;
        if (started != null && started.isActive()) {
            return started;
        }
        lock.lock();
        try {
            started = context;
            if (started == null || !started.isActive()) {
                started = ChildApplication.start(sources, entryPoint, ready -> {});
                context = started;
            }
            return started;
        } finally {
            lock.unlock();
        }
    }
}
