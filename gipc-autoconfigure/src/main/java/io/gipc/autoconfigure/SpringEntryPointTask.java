package io.gipc.autoconfigure;

import io.gipc.ChildTask;

/**
 * Runs a {@code SPRING} mode entry point in the child: starts the parent's application ({@link ChildApplication}),
 * calls the method on its bean once the context has started, then closes the context. What the method returns is
 * dropped: a child has only its exit code.
 *
 * @param target the method, bean and launch arguments
 * @param sources the parent's sources and profiles
 */
record SpringEntryPointTask(EntryPointCall target, ChildApplicationSources sources) implements ChildTask {

    @Override
    public void run() throws Exception {
        ChildApplication.start(
                        this.sources,
                        this.target.entryPoint(),
                        context -> ChildApplication.invoke(context, this.target))
                .close();
    }

    @Override
    public String toString() {
        return this.target.toString();
    }
}
