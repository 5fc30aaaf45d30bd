package io.gipc.autoconfigure;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The names a registry has seen (of pipes, of pools), each told to every callback: at once for the names already
 * seen, later for each new one, on the thread that sees it. Thread-safe; callbacks run outside the lock.
 */
final class SeenNames {

    private final ReentrantLock lock = new ReentrantLock();

    private final Set<String> names = new LinkedHashSet<>();

    private final List<Consumer<String>> callbacks = new CopyOnWriteArrayList<>();

    void see(String name) {
        boolean first;
        this.lock.lock();
        try {
            first = this.names.add(name);
        } finally {
            this.lock.unlock();
        }
        if (first) {
            this.callbacks.forEach(callback -> callback.accept(name));
        }
    }

    void onName(Consumer<String> callback) {
        List<String> seen;
        this.lock.lock();
        try {
            this.callbacks.add(callback);
            seen = List.copyOf(this.names);
        } finally {
            this.lock.unlock();
        }
        seen.forEach(callback);
    }
}
