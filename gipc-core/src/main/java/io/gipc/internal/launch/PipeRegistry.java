package io.gipc.internal.launch;

import io.gipc.PipeStats;
import io.gipc.internal.pipe.PipeCounters;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/** The pipes a launcher created, for {@code pipeStats()}; closed ones are dropped as the list is read or grows. */
final class PipeRegistry {

    private record Entry(PipeCounters counters, BooleanSupplier openHere) {}

    private final ReentrantLock lock = new ReentrantLock();
    private final List<Entry> entries = new ArrayList<>();
    private int pruneAt = 64;

    void add(PipeCounters counters, BooleanSupplier openHere) {
        lock.lock();
        try {
            entries.add(new Entry(counters, openHere));
            if (entries.size() >= pruneAt) {
                entries.removeIf(e -> !e.openHere().getAsBoolean());
                pruneAt = Math.max(64, entries.size() * 2);
            }
        } finally {
            lock.unlock();
        }
    }

    List<PipeStats> snapshot() {
        lock.lock();
        try {
            entries.removeIf(e -> !e.openHere().getAsBoolean());
            List<PipeStats> out = new ArrayList<>(entries.size());
            for (Entry e : entries) {
                PipeCounters c = e.counters();
                out.add(new PipeStats(c.name(), "open", c.messagesOut(), c.bytesOut(), c.messagesIn(), c.bytesIn()));
            }
            return out;
        } finally {
            lock.unlock();
        }
    }
}
