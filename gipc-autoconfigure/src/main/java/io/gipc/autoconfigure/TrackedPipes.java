package io.gipc.autoconfigure;

import io.gipc.PipeStats;
import io.gipc.PipeTraffic;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The pipes a {@link GipcRegistry} knows: those with an end open here, one by one, and per name the totals of every
 * pipe of that name, closed ones included, so that totals never go down. Unnamed pipes count under
 * {@link GipcRegistry#UNNAMED}.
 *
 * <p>A pipe leaves the open list when its close is reported or, at the latest, when the list is next read and the
 * pipe says it is closed. Thread-safe: one lock guards the list and the totals, so that a pipe moving from the one
 * to the other is never counted twice nor missed.
 */
final class TrackedPipes {

    private final ReentrantLock lock = new ReentrantLock();

    private final List<PipeTraffic> open = new ArrayList<>();

    /** Per name: messages out, bytes out, messages in, bytes in, pipes closed. */
    private final Map<String, long[]> closedTotals = new LinkedHashMap<>();

    private final SeenNames names = new SeenNames();

    static String nameOf(PipeTraffic pipe) {
        return pipe.named() ? pipe.name() : GipcRegistry.UNNAMED;
    }

    void created(PipeTraffic pipe) {
        this.lock.lock();
        try {
            this.closedTotals.computeIfAbsent(nameOf(pipe), name -> new long[5]);
            this.open.add(pipe);
        } finally {
            this.lock.unlock();
        }
        this.names.see(nameOf(pipe));
    }

    void closed(PipeTraffic pipe) {
        this.lock.lock();
        try {
            if (this.open.remove(pipe)) {
                addToTotals(pipe);
            }
        } finally {
            this.lock.unlock();
        }
    }

    void onName(Consumer<String> callback) {
        this.names.onName(callback);
    }

    List<PipeStats> open() {
        this.lock.lock();
        try {
            pruneClosed();
            return this.open.stream().map(PipeTraffic::snapshot).toList();
        } finally {
            this.lock.unlock();
        }
    }

    List<PipeTotals> totals() {
        this.lock.lock();
        try {
            pruneClosed();
            List<PipeTotals> totals = new ArrayList<>();
            this.closedTotals.forEach((name, closed) -> totals.add(totalOf(name, closed)));
            return totals;
        } finally {
            this.lock.unlock();
        }
    }

    PipeTotals total(String name) {
        this.lock.lock();
        try {
            pruneClosed();
            return totalOf(name, this.closedTotals.getOrDefault(name, new long[5]));
        } finally {
            this.lock.unlock();
        }
    }

    private PipeTotals totalOf(String name, long[] closed) {
        long[] sum = closed.clone();
        int openPipes = 0;
        for (PipeTraffic pipe : this.open) {
            if (nameOf(pipe).equals(name)) {
                PipeStats stats = pipe.snapshot();
                sum[0] += stats.messagesOut();
                sum[1] += stats.bytesOut();
                sum[2] += stats.messagesIn();
                sum[3] += stats.bytesIn();
                openPipes++;
            }
        }
        return new PipeTotals(name, openPipes, sum[4], sum[0], sum[1], sum[2], sum[3]);
    }

    private void pruneClosed() {
        for (Iterator<PipeTraffic> it = this.open.iterator(); it.hasNext(); ) {
            PipeTraffic pipe = it.next();
            if (!pipe.isOpen()) {
                it.remove();
                addToTotals(pipe);
            }
        }
    }

    private void addToTotals(PipeTraffic pipe) {
        PipeStats stats = pipe.snapshot();
        long[] totals = this.closedTotals.computeIfAbsent(nameOf(pipe), name -> new long[5]);
        totals[0] += stats.messagesOut();
        totals[1] += stats.bytesOut();
        totals[2] += stats.messagesIn();
        totals[3] += stats.bytesIn();
        totals[4]++;
    }
}
