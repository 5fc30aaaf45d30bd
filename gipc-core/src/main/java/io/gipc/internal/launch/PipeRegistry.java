package io.gipc.internal.launch;

import io.gipc.PipeStats;
import io.gipc.internal.pipe.PipeCounters;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * The pipes a launcher created, for {@code pipeStats()}. A pipe the user named stays listed after it is closed
 * here (state {@code closed}), so that counters read from it never go back; pipes with generated names are
 * dropped once closed, as the list is read or grows.
 */
final class PipeRegistry {

    private record Entry(PipeCounters counters, boolean named, BooleanSupplier openHere) {}

    private final ReentrantLock lock = new ReentrantLock();
    private final List<Entry> entries = new ArrayList<>();
    private int pruneAt = 64;

    void add(PipeCounters counters, boolean named, BooleanSupplier openHere) {
        lock.lock();
        try {
            entries.add(new Entry(counters, named, openHere));
            if (entries.size() >= pruneAt) {
                prune();
                pruneAt = Math.max(64, entries.size() * 2);
            }
        } finally {
            lock.unlock();
        }
    }

    private void prune() {
        entries.removeIf(e -> !e.named() && !e.openHere().getAsBoolean());
    }

    List<PipeStats> snapshot() {
        lock.lock();
        try {
            prune();
            List<PipeStats> out = new ArrayList<>(entries.size());
            for (Entry e : entries) {
                PipeCounters c = e.counters();
                String state = e.openHere().getAsBoolean() ? "open" : "closed";
                out.add(new PipeStats(c.name(), state, c.messagesOut(), c.bytesOut(), c.messagesIn(), c.bytesIn()));
            }
            return out;
        } finally {
            lock.unlock();
        }
    }
}
