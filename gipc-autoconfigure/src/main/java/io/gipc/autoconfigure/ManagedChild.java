package io.gipc.autoconfigure;

import io.gipc.GipcProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A child process as the Spring integration sees it: the process, the entry point it runs and whether the
 * application needs it, plus when its exit was noticed.
 *
 * <p>Thread-safe: the exit instant is set once, by the thread that completes the process's exit future.
 */
public final class ManagedChild {

    private final GipcProcess process;

    private final String entryPoint;

    private final boolean essential;

    private volatile Instant exitedAt;

    private ManagedChild(GipcProcess process, String entryPoint, boolean essential) {
        this.process = Objects.requireNonNull(process, "process");
        this.entryPoint = entryPoint;
        this.essential = essential;
    }

    /** A child started by the Spring launcher: its exit instant is recorded. */
    static ManagedChild tracked(GipcProcess process, String entryPoint, boolean essential) {
        ManagedChild child = new ManagedChild(process, entryPoint, essential);
        process.onExit().whenComplete((exited, failure) -> child.exitedAt = Instant.now());
        return child;
    }

    /** A running child of another launcher, seen once: nothing is attached to the process. */
    static ManagedChild snapshot(GipcProcess process) {
        return new ManagedChild(process, null, false);
    }

    /**
     * Returns the process.
     *
     * @return the process
     */
    public GipcProcess process() {
        return this.process;
    }

    /**
     * Returns the name of the {@code @ChildProcess} entry point the child runs.
     *
     * @return the entry point, or {@code null} for a child started with a {@code ChildTask}
     */
    public String entryPoint() {
        return this.entryPoint;
    }

    /**
     * Tells whether the application needs this child to keep running.
     *
     * @return {@code true} when the entry point is marked essential
     */
    public boolean essential() {
        return this.essential;
    }

    /**
     * Returns the child's state.
     *
     * @return {@code running} or {@code exited}
     */
    public String state() {
        return this.process.isAlive() ? "running" : "exited";
    }

    /**
     * Returns how long the child has run: until now, or until its exit was noticed.
     *
     * @return the uptime
     */
    public Duration uptime() {
        Instant end = (this.exitedAt != null) ? this.exitedAt : Instant.now();
        Duration uptime = Duration.between(this.process.startTime(), end);
        return uptime.isNegative() ? Duration.ZERO : uptime;
    }

    /**
     * Returns when the child's exit was noticed.
     *
     * @return the instant, empty while the child runs
     */
    public Optional<Instant> exitedAt() {
        return Optional.ofNullable(this.exitedAt);
    }
}
