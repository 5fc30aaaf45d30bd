package io.gipc.autoconfigure.actuate;

import io.gipc.PipeStats;
import io.gipc.ProcessLauncher;
import io.gipc.autoconfigure.GipcProcessLauncher;
import io.gipc.autoconfigure.ManagedChild;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@link Endpoint @Endpoint} that lists gipc's children and pipes, and terminates a child.
 *
 * <p>Reading is allowed by default; terminating is a write operation, so it needs
 * {@code management.endpoint.gipc.access=unrestricted}.
 */
@Endpoint(id = "gipc", defaultAccess = Access.READ_ONLY)
public class GipcEndpoint {

    private final ProcessLauncher launcher;

    /**
     * Creates the endpoint.
     *
     * @param launcher the launcher whose children and pipes it shows
     */
    public GipcEndpoint(ProcessLauncher launcher) {
        this.launcher = launcher;
    }

    /**
     * Lists the children (running, recently exited and essential ones) and the pipes.
     *
     * @return the children and pipes
     */
    @ReadOperation
    public GipcDescriptor gipc() {
        List<ChildDescriptor> children = GipcProcessLauncher.managedChildren(this.launcher).stream()
                .map(ChildDescriptor::of)
                .toList();
        List<PipeDescriptor> pipes =
                this.launcher.pipeStats().stream().map(PipeDescriptor::of).toList();
        return new GipcDescriptor(children, pipes);
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
        return GipcProcessLauncher.managedChildren(this.launcher).stream()
                .filter(child -> child.process().pid() == pid)
                .reduce((first, later) -> later)
                .orElse(null);
    }

    /**
     * The children and pipes of the application.
     *
     * @param children the children
     * @param pipes the pipes
     */
    public record GipcDescriptor(List<ChildDescriptor> children, List<PipeDescriptor> pipes)
            implements OperationResponseBody {}

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
     * @param name the pipe's name
     * @param state {@code open}, {@code moved} or {@code closed}
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
}
