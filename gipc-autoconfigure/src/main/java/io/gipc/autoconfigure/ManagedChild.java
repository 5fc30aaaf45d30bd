package io.gipc.autoconfigure;

import io.gipc.GipcProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A child process as the Spring integration sees it: the process, the entry point it runs and whether the
 * application needs it, plus when its exit was noticed.
 *
 * <p>Thread-safe: the exit instant is set once, by the thread that completes the process's exit future.
 */
public final class ManagedChild {

    private final GipcProcess process;

    private final @Nullable String entryPoint;

    private final boolean essential;

    private volatile @Nullable Instant exitedAt;

    private ManagedChild(GipcProcess process, @Nullable String entryPoint, boolean essential) {
        this.process = Objects.requireNonNull(process, "process");
        this.entryPoint = entryPoint;
        this.essential = essential;
    }

    /** A child that started: its exit instant is recorded. */
    static ManagedChild tracked(GipcProcess process, @Nullable String entryPoint, boolean essential) {
        ManagedChild child = new ManagedChild(process, entryPoint, essential);
        process.onExit().whenComplete((exited, failure) -> child.exitedAt = Instant.now());
        return child;
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
    public @Nullable String entryPoint() {
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
        Instant exited = this.exitedAt;
        Instant end = (exited != null) ? exited : Instant.now();
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
