package io.gipc;

import java.io.Serializable;

/**
 * The function a child process runs: gipc's {@code target}.
 *
 * <p>A task is serialized with Java serialization in the parent and run once in the child by
 * {@code run()} on the child's main thread. Every pipe handle reachable from the task's object graph
 * (captured variables, handles inside captured collections or objects) moves to the child: it works there and
 * is closed in the parent. Capture only the ends the child needs ({@code var r = pipe.reader();}), not the whole
 * {@link Pipe}.
 *
 * <p>Exit codes: the child exits with 0 when {@code run()} returns and 1 when it throws (the stack trace goes to
 * the child's stderr); {@code System.exit(n)} gives {@code n}.
 */
@FunctionalInterface
public interface ChildTask extends Serializable {

    /**
     * Runs in the child process.
     *
     * @throws Exception any failure: the child prints it and exits with code 1
     */
    void run() throws Exception;
}
