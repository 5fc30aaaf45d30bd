package io.gipc.internal.launch;

import io.gipc.PipeStats;
import io.gipc.PipeTraffic;
import io.gipc.internal.pipe.PipeCounters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The pipes a launcher created, for {@code pipeStats()}. Open pipes are listed one by one. When a pipe the user
 * named is closed here, its counts are added to one closed total per name, so that counters read by name never go
 * back and a name used for many pipes in turn costs one entry; pipes with generated names are dropped once closed.
 * Every pipe dropped is handed to the closed callback, outside the lock.
 */
final class PipeRegistry {

    private record Entry(PipeCounters counters, boolean named, BooleanSupplier openHere) implements PipeTraffic {

        @Override
        public String name() {
            return counters.name();
        }

        @Override
        public boolean isOpen() {
            return openHere.getAsBoolean();
        }

        @Override
        public PipeStats snapshot() {
            PipeCounters c = counters;
            return new PipeStats(
                    c.name(), isOpen() ? "open" : "closed", c.messagesOut(), c.bytesOut(), c.messagesIn(), c.bytesIn());
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, long[]> closedTotals = new LinkedHashMap<>();
    private final Consumer<PipeTraffic> closed;
    private int pruneAt = 64;

    PipeRegistry(Consumer<PipeTraffic> closed) {
        this.closed = closed;
    }

    PipeTraffic add(PipeCounters counters, boolean named, BooleanSupplier openHere) {
        Entry entry = new Entry(counters, named, openHere);
        List<Entry> dropped = new ArrayList<>();
        lock.lock();
        try {
            entries.add(entry);
            if (entries.size() >= pruneAt) {
                prune(dropped);
                pruneAt = Math.max(64, entries.size() * 2);
            }
        } finally {
            lock.unlock();
        }
        dropped.forEach(closed);
        return entry;
    }

    private void prune(List<Entry> dropped) {
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
            dropped.add(e);
            return true;
        });
    }

    List<PipeStats> snapshot() {
        List<Entry> dropped = new ArrayList<>();
        lock.lock();
        try {
            prune(dropped);
            List<PipeStats> out = new ArrayList<>(entries.size() + closedTotals.size());
            for (Entry e : entries) {
                PipeCounters c = e.counters();
                out.add(new PipeStats(c.name(), "open", c.messagesOut(), c.bytesOut(), c.messagesIn(), c.bytesIn()));
            }
            closedTotals.forEach((name, t) -> out.add(new PipeStats(name, "closed", t[0], t[1], t[2], t[3])));
            return out;
        } finally {
            lock.unlock();
            dropped.forEach(closed);
        }
    }
}
