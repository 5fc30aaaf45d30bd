package io.gipc.autoconfigure;

import io.gipc.ChildTask;

/**
 * Runs a {@code PLAIN} mode entry point in the child: no Spring class is loaded, so the child starts as fast as a
 * plain {@link ChildTask}. What the method returns is dropped: a child has only its exit code.
 *
 * <p>Deliberately free of Spring imports: this class and {@link EntryPointCall} are all the child loads besides the
 * method's own class.
 *
 * @param target the method, bean and launch arguments
 */
record PlainEntryPointTask(EntryPointCall target) implements ChildTask {

    @Override
    public void run() throws Exception {
        this.target.invokePlain();
    }

    @Override
    public String toString() {
        return this.target.describe(true);
    }
}
