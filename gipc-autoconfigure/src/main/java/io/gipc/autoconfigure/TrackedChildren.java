package io.gipc.autoconfigure;

import io.gipc.GipcProcess;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.jspecify.annotations.Nullable;

/**
 * The children a {@link GipcRegistry} remembers: every running one, every essential one, and the latest
 * {@value #EXITED_HISTORY} others that exited. Thread-safe.
 */
final class TrackedChildren {

    /** How many exited non-essential children are remembered. */
    static final int EXITED_HISTORY = 32;

    private record EntryPointInfo(String entryPoint, boolean essential) {}

    private final ConcurrentLinkedDeque<ManagedChild> children = new ConcurrentLinkedDeque<>();

    /** What the Spring launcher said about children it is starting, by child name, until they start. */
    private final Map<String, EntryPointInfo> expected = new ConcurrentHashMap<>();

    void expect(String name, String entryPoint, boolean essential) {
        this.expected.put(name, new EntryPointInfo(entryPoint, essential));
    }

    void failedToStart(String name) {
        this.expected.remove(name);
    }

    void started(GipcProcess process) {
        EntryPointInfo info = this.expected.remove(process.name());
        this.children.add(ManagedChild.tracked(
                process, (info != null) ? info.entryPoint() : null, info != null && info.essential()));
        forgetOldExits();
    }

    List<ManagedChild> snapshot() {
        return List.copyOf(this.children);
    }

    @Nullable
    ManagedChild find(long pid) {
        ManagedChild found = null;
        for (ManagedChild child : this.children) {
            if (child.process().pid() == pid) {
                found = child;
            }
        }
        return found;
    }

    private void forgetOldExits() {
        int exited = 0;
        for (Iterator<ManagedChild> it = this.children.descendingIterator(); it.hasNext(); ) {
            ManagedChild child = it.next();
            if (!child.essential() && child.exitedAt().isPresent() && ++exited > EXITED_HISTORY) {
                it.remove();
            }
        }
    }
}
