package io.gipc.internal.pipe;

import java.util.function.Consumer;

/**
 * The handover of one end to a child, registered with {@link Handoffs} and tracked by the child it goes to; it
 * leaves the registry whether it finishes or is aborted.
 */
final class EndHandoff implements Handoff {

    private final long id;
    private final Consumer<Boolean> onAbort;
    private final Consumer<Boolean> onFinished;

    private EndHandoff(long id, Consumer<Boolean> onAbort, Consumer<Boolean> onFinished) {
        this.id = id;
        this.onAbort = onAbort;
        this.onFinished = onFinished;
    }

    /**
     * Registers a handover and has {@code target} abort it if the child ends first.
     *
     * @param id the id the child reports (writers) or a fresh one (readers)
     * @param target the child
     * @param onAbort what the end does when the child is gone before the handover finished, told whether the
     *     child had started
     * @param onFinished what the end does when the handover finished, successfully or not
     */
    static EndHandoff register(long id, MoveTarget target, Consumer<Boolean> onAbort, Consumer<Boolean> onFinished) {
        EndHandoff handoff = new EndHandoff(id, onAbort, onFinished);
        Handoffs.register(handoff);
        target.track(handoff);
        return handoff;
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public void abort(boolean childStarted) {
        onAbort.accept(childStarted);
        Handoffs.done(id);
    }

    @Override
    public void finished(boolean ok) {
        onFinished.accept(ok);
        Handoffs.done(id);
    }
}
