package io.gipc.internal.pipe;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The reading ends whose transport lives in this process, by pipe id: the one process-wide registry of the
 * reading side. A writer that connects to a reader of its own process keeps a reference to it, so that a
 * {@code put} after that reader was closed here fails at once instead of after the reader's socket reports it.
 */
final class LocalReaders {

    private static final ConcurrentHashMap<String, ReaderCore> BY_ID = new ConcurrentHashMap<>();

    private LocalReaders() {}

    static void add(ReaderCore core) {
        BY_ID.put(core.address().id(), core);
    }

    static void remove(ReaderCore core) {
        BY_ID.remove(core.address().id(), core);
    }

    /** Returns the reader of pipe {@code id} in this process, or null when it lives elsewhere. */
    static ReaderCore find(String id) {
        return BY_ID.get(id);
    }
}
