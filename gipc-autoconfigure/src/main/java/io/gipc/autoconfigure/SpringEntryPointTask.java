package io.gipc.autoconfigure;

import io.gipc.ChildTask;

/**
 * Runs a {@code SPRING} mode entry point in the child: starts the parent's application ({@link ChildApplication}),
 * calls the method on its bean once the context has started, then closes the context. What the method returns is
 * dropped: a child has only its exit code.
 */
final class SpringEntryPointTask implements ChildTask {

    private static final long serialVersionUID = 2L;

    private final EntryPointCall call;

    private final ChildApplicationSources sources;

    SpringEntryPointTask(EntryPointCall call, ChildApplicationSources sources) {
        this.call = call;
        this.sources = sources;
    }

    @Override
    public void run() throws Exception {
        ChildApplication.start(
                        this.sources, this.call.entryPoint(), context -> ChildApplication.invoke(context, this.call))
                .close();
    }

    @Override
    public String toString() {
        return this.call.toString();
    }
}
