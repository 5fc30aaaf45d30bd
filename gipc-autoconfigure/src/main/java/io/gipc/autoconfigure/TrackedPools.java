package io.gipc.autoconfigure;

import io.gipc.WorkerPool;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The worker pools a {@link GipcRegistry} knows: every open pool, and every declared pool that could not start. A
 * pool leaves when it closes. Pools created without a name are counted under {@link GipcRegistry#UNNAMED} in the
 * meters. Thread-safe.
 */
final class TrackedPools {

    private final ReentrantLock lock = new ReentrantLock();

    private final List<ManagedPool> pools = new ArrayList<>();

    private final Set<String> meterNames = new LinkedHashSet<>();

    private final List<Consumer<String>> nameCallbacks = new CopyOnWriteArrayList<>();

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
        this.lock.lock();
        try {
            this.pools.removeIf(each -> each.pool() == pool);
        } finally {
            this.lock.unlock();
        }
    }

    void forget(String name) {
        this.lock.lock();
        try {
            this.pools.removeIf(each -> each.pool() == null && each.name().equals(name));
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
        List<String> names;
        this.lock.lock();
        try {
            this.nameCallbacks.add(callback);
            names = List.copyOf(this.meterNames);
        } finally {
            this.lock.unlock();
        }
        names.forEach(callback);
    }

    private void add(ManagedPool pool) {
        String meterName = meterName(pool);
        boolean newName;
        this.lock.lock();
        try {
            // a declared pool that starts after failing to replaces its failure
            this.pools.removeIf(each -> each.pool() == null && each.name().equals(pool.name()));
            this.pools.add(pool);
            newName = this.meterNames.add(meterName);
        } finally {
            this.lock.unlock();
        }
        if (newName) {
            this.nameCallbacks.forEach(callback -> callback.accept(meterName));
        }
    }
}
