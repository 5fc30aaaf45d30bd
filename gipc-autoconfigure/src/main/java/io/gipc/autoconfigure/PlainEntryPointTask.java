package io.gipc.autoconfigure;

import io.gipc.ChildTask;

/**
 * Runs a {@code PLAIN} mode entry point in the child: no Spring class is loaded, so the child starts as fast as a
 * plain {@link ChildTask}. What the method returns is dropped: a child has only its exit code.
 *
 * <p>Deliberately free of Spring imports: this class and {@link EntryPointCall} are all the child loads besides the
 * method's own class.
 */
final class PlainEntryPointTask implements ChildTask {

    private static final long serialVersionUID = 2L;

    private final EntryPointCall call;

    PlainEntryPointTask(EntryPointCall call) {
        this.call = call;
    }

    @Override
    public void run() throws Exception {
        this.call.invokePlain();
    }

    @Override
    public String toString() {
        return this.call.describe(true);
    }
}
