package io.gipc.internal.launch;

import io.gipc.PipeStats;
import io.gipc.internal.pipe.PipeCounters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * The pipes a launcher created, for {@code pipeStats()}. Open pipes are listed one by one. When a pipe the user
 * named is closed here, its counts are added to one closed total per name, so that counters read by name never go
 * back and a name used for many pipes in turn costs one entry; pipes with generated names are dropped once closed.
 */
final class PipeRegistry {

    private record Entry(PipeCounters counters, boolean named, BooleanSupplier openHere) {}

    private final ReentrantLock lock = new ReentrantLock();
    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, long[]> closedTotals = new LinkedHashMap<>();
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
        entries.removeIf(e -> {
            if (e.openHere().getAsBoolean()) {
                return false;
            }
            if (e.named()) {
                PipeCounters c = e.counters();
                long[] t = closedTotals.computeIfAbsent(c.name(), n -> new long[4]);
                t[0] += c.messagesOut();
                t[1] += c.bytesOut();
                t[2] += c.messagesIn();
                t[3] += c.bytesIn();
            }
            return true;
        });
    }

    List<PipeStats> snapshot() {
        lock.lock();
        try {
            prune();
            List<PipeStats> out = new ArrayList<>(entries.size() + closedTotals.size());
            for (Entry e : entries) {
                PipeCounters c = e.counters();
                out.add(new PipeStats(c.name(), "open", c.messagesOut(), c.bytesOut(), c.messagesIn(), c.bytesIn()));
            }
            closedTotals.forEach((name, t) -> out.add(new PipeStats(name, "closed", t[0], t[1], t[2], t[3])));
            return out;
        } finally {
            lock.unlock();
        }
    }
}
