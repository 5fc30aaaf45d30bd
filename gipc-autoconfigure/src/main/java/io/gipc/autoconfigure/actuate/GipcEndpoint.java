package io.gipc.autoconfigure.actuate;

import io.gipc.PipeStats;
import io.gipc.TaskOutcome;
import io.gipc.WorkerPoolStats;
import io.gipc.WorkerStats;
import io.gipc.autoconfigure.GipcRegistry;
import io.gipc.autoconfigure.ManagedChild;
import io.gipc.autoconfigure.ManagedPool;
import io.gipc.autoconfigure.PipeTotals;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@link Endpoint @Endpoint} that lists gipc's children, pipes and worker pools, and terminates a child. It shows
 * what the {@link GipcRegistry} knows: the children, pipes and pools of every launcher it observes.
 *
 * <p>Reading is allowed by default; terminating is a write operation, so it needs
 * {@code management.endpoint.gipc.access=unrestricted}.
 */
@Endpoint(id = "gipc", defaultAccess = Access.READ_ONLY)
public class GipcEndpoint {

    private final GipcRegistry registry;

    /**
     * Creates the endpoint.
     *
     * @param registry the children and pipes it shows
     */
    public GipcEndpoint(GipcRegistry registry) {
        this.registry = registry;
    }

    /**
     * Lists the children (running, recently exited and essential ones), the open pipes, the totals per pipe name
     * and the worker pools.
     *
     * @return the children, pipes and pools
     */
    @ReadOperation
    public GipcDescriptor gipc() {
        List<ChildDescriptor> children =
                this.registry.children().stream().map(ChildDescriptor::of).toList();
        List<PipeDescriptor> pipes =
                this.registry.openPipes().stream().map(PipeDescriptor::of).toList();
        List<PipeTotalsDescriptor> totals = this.registry.pipeTotals().stream()
                .map(PipeTotalsDescriptor::of)
                .toList();
        List<PoolDescriptor> pools =
                this.registry.pools().stream().map(PoolDescriptor::of).toList();
        return new GipcDescriptor(children, pipes, totals, pools);
    }

    /**
     * Describes one child.
     *
     * @param pid the child's pid
     * @return the child, or {@code null} (404) when no child has that pid
     */
    @ReadOperation
    public @Nullable ChildDescriptor child(@Selector long pid) {
        ManagedChild child = find(pid);
        return (child != null) ? ChildDescriptor.of(child) : null;
    }

    /**
     * Sends SIGTERM to a running child.
     *
     * @param pid the child's pid
     * @return the child as it was when signalled, or {@code null} (404) when no running child has that pid
     */
    @WriteOperation
    public @Nullable ChildDescriptor terminate(@Selector long pid) {
        ManagedChild child = find(pid);
        if (child == null || !child.process().isAlive()) {
            return null;
        }
        child.process().terminate();
        return ChildDescriptor.of(child);
    }

    private @Nullable ManagedChild find(long pid) {
        return this.registry.child(pid);
    }

    /**
     * The children, pipes and worker pools of the application.
     *
     * @param children the children
     * @param pipes the pipes with an end open here
     * @param pipeTotals per pipe name, every pipe of that name (open and closed) summed; unnamed pipes under
     *     {@value GipcRegistry#UNNAMED}
     * @param pools the open worker pools, and the declared ones that could not start
     */
    public record GipcDescriptor(
            List<ChildDescriptor> children,
            List<PipeDescriptor> pipes,
            List<PipeTotalsDescriptor> pipeTotals,
            List<PoolDescriptor> pools)
            implements OperationResponseBody {

        /**
         * Creates a descriptor without pools, as before they existed.
         *
         * @param children the children
         * @param pipes the open pipes
         * @param pipeTotals the totals per pipe name
         */
        public GipcDescriptor(
                List<ChildDescriptor> children, List<PipeDescriptor> pipes, List<PipeTotalsDescriptor> pipeTotals) {
            this(children, pipes, pipeTotals, List.of());
        }
    }

    /**
     * One worker pool.
     *
     * @param name the pool's name
     * @param entryPoint the {@code @ChildProcess} entry point its workers run, {@code null} for a pool created in
     *     code
     * @param size the number of workers it keeps
     * @param alive the workers alive now
     * @param busy the workers running a task now
     * @param queued the tasks waiting for a worker
     * @param tasks tasks finished so far by outcome ({@code success}, {@code failure}, {@code timeout},
     *     {@code died}, {@code cancelled})
     * @param workersStarted workers started so far, replacements included
     * @param lastStartFailure why the last worker start failed, {@code null} when it succeeded
     * @param workers the live workers
     */
    public record PoolDescriptor(
            String name,
            @Nullable String entryPoint,
            int size,
            int alive,
            int busy,
            int queued,
            Map<String, Long> tasks,
            long workersStarted,
            @Nullable String lastStartFailure,
            List<WorkerDescriptor> workers)
            implements OperationResponseBody {

        static PoolDescriptor of(ManagedPool pool) {
            WorkerPoolStats stats = pool.stats();
            Map<String, Long> tasks = new LinkedHashMap<>();
            for (TaskOutcome outcome : TaskOutcome.values()) {
                tasks.put(
                        outcome.name().toLowerCase(Locale.ROOT),
                        stats.completed().getOrDefault(outcome, 0L));
            }
            return new PoolDescriptor(
                    pool.name(),
                    pool.entryPoint(),
                    stats.size(),
                    stats.alive(),
                    stats.busy(),
                    stats.queued(),
                    tasks,
                    stats.workersStarted(),
                    stats.lastStartFailure(),
                    stats.workers().stream().map(WorkerDescriptor::of).toList());
        }
    }

    /**
     * One live worker of a pool.
     *
     * @param name the worker's name
     * @param pid its pid
     * @param busy whether it runs a task now
     * @param tasks the tasks it has run, the running one included
     */
    public record WorkerDescriptor(String name, long pid, boolean busy, long tasks) implements OperationResponseBody {

        static WorkerDescriptor of(WorkerStats worker) {
            return new WorkerDescriptor(worker.name(), worker.pid(), worker.busy(), worker.tasks());
        }
    }

    /**
     * One child.
     *
     * @param name the child's name
     * @param entryPoint the {@code @ChildProcess} entry point it runs, {@code null} for a {@code ChildTask}
     * @param pid its pid
     * @param state {@code running} or {@code exited}
     * @param uptime how long it has run (ISO-8601, millisecond precision)
     * @param exitCode its exit code once exited; negative when a signal ended it
     * @param essential whether the application needs it to keep running
     */
    public record ChildDescriptor(
            String name,
            @Nullable String entryPoint,
            long pid,
            String state,
            String uptime,
            @Nullable Integer exitCode,
            boolean essential)
            implements OperationResponseBody {

        static ChildDescriptor of(ManagedChild child) {
            Duration uptime = child.uptime().truncatedTo(ChronoUnit.MILLIS);
            return new ChildDescriptor(
                    child.process().name(),
                    child.entryPoint(),
                    child.process().pid(),
                    child.state(),
                    uptime.toString(),
                    child.process().exitCode().isPresent()
                            ? child.process().exitCode().getAsInt()
                            : null,
                    child.essential());
        }
    }

    /**
     * One pipe, as seen from this process.
     *
     * @param name the pipe's name (given, or generated for an unnamed pipe)
     * @param state {@code open}
     * @param messagesIn messages got here
     * @param messagesOut messages put here
     * @param bytesIn encoded bytes got here
     * @param bytesOut encoded bytes put here
     */
    public record PipeDescriptor(
            String name, String state, long messagesIn, long messagesOut, long bytesIn, long bytesOut)
            implements OperationResponseBody {

        static PipeDescriptor of(PipeStats stats) {
            return new PipeDescriptor(
                    stats.name(),
                    stats.state(),
                    stats.messagesIn(),
                    stats.messagesOut(),
                    stats.bytesIn(),
                    stats.bytesOut());
        }
    }

    /**
     * The pipes of one name, summed.
     *
     * @param name the pipes' name, or {@value GipcRegistry#UNNAMED}
     * @param openPipes how many have an end open here
     * @param closedPipes how many were closed here
     * @param messagesIn messages got here
     * @param messagesOut messages put here
     * @param bytesIn encoded bytes got here
     * @param bytesOut encoded bytes put here
     */
    public record PipeTotalsDescriptor(
            String name,
            int openPipes,
            long closedPipes,
            long messagesIn,
            long messagesOut,
            long bytesIn,
            long bytesOut)
            implements OperationResponseBody {

        static PipeTotalsDescriptor of(PipeTotals totals) {
            return new PipeTotalsDescriptor(
                    totals.name(),
                    totals.openPipes(),
                    totals.closedPipes(),
                    totals.messagesIn(),
                    totals.messagesOut(),
                    totals.bytesIn(),
                    totals.bytesOut());
        }
    }
}
