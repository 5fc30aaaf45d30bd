package io.gipc.autoconfigure;

import io.gipc.WorkerPool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The worker pools a {@link GipcRegistry} knows: every open pool, and every declared pool that could not start. A
 * pool leaves when it closes. Pools created without a name are counted under {@link GipcRegistry#UNNAMED} in the
 * meters. Thread-safe.
 */
final class TrackedPools {

    private final ReentrantLock lock = new ReentrantLock();

    private final List<ManagedPool> pools = new ArrayList<>();

    private final SeenNames meterNames = new SeenNames();

    /** What the declared pools said about themselves, by pool name, until they start. */
    private final Map<String, String> expected = new ConcurrentHashMap<>();

    static String meterName(ManagedPool pool) {
        return pool.named() ? pool.name() : GipcRegistry.UNNAMED;
    }

    void expect(String name, String entryPoint) {
        this.expected.put(name, entryPoint);
    }

    void created(WorkerPool pool) {
        String entryPoint = pool.named() ? this.expected.remove(pool.name()) : null;
        add(ManagedPool.of(pool, entryPoint));
    }

    void failedToStart(String name, String entryPoint, int size, String failure) {
        this.expected.remove(name);
        add(ManagedPool.failed(name, entryPoint, size, failure));
    }

    void closed(WorkerPool pool) {
        remove(each -> each.pool() == pool);
    }

    void forget(String name) {
        remove(each -> each.pool() == null && each.name().equals(name));
    }

    private void remove(Predicate<ManagedPool> which) {
        this.lock.lock();
        try {
            this.pools.removeIf(which);
        } finally {
            this.lock.unlock();
        }
    }

    List<ManagedPool> snapshot() {
        this.lock.lock();
        try {
            return List.copyOf(this.pools);
        } finally {
            this.lock.unlock();
        }
    }

    void onName(Consumer<String> callback) {
        this.meterNames.onName(callback);
    }

    private void add(ManagedPool pool) {
        this.lock.lock();
        try {
            // a declared pool that starts after failing to replaces its failure
            this.pools.removeIf(each -> each.pool() == null && each.name().equals(pool.name()));
            this.pools.add(pool);
        } finally {
            this.lock.unlock();
        }
        this.meterNames.see(meterName(pool));
    }
}
