package io.gipc.autoconfigure.metrics;

import io.gipc.GipcProcess;
import io.gipc.LauncherListener;
import io.gipc.PipeStats;
import io.gipc.ProcessLauncher;
import io.gipc.autoconfigure.GipcProcessLauncher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;

/**
 * Micrometer meters for a {@link ProcessLauncher}: children started, exited (by outcome) and alive, the time from
 * {@code start()} until a child runs its task, and the messages and bytes of every named pipe in each direction.
 *
 * <p>Tags are bounded: {@code outcome} ({@code success}, {@code failure}, {@code killed}), {@code pipe} (pipe
 * names, chosen in code or configuration) and {@code direction} ({@code in}, {@code out}); never a pid. Pipe
 * meters are function counters that read {@link ProcessLauncher#pipeStats()}; pipes created without a name are
 * not metered, because their generated names are unbounded.
 *
 * <p>The counters of started and exited children and the start timer need a {@link GipcProcessLauncher}; with
 * another launcher only the alive gauge is registered.
 */
public class GipcMetrics implements MeterBinder {

    private static final String PROCESSES = "processes";

    private final ProcessLauncher launcher;

    /** Strong references: function counters hold their state weakly. */
    private final Map<String, PipeCounters> pipes = new ConcurrentHashMap<>();

    /**
     * Creates the binder.
     *
     * @param launcher the launcher to measure
     */
    public GipcMetrics(ProcessLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(
                        "gipc.children.alive",
                        this.launcher,
                        launcher -> launcher.children().size())
                .description("Child processes that have not exited")
                .baseUnit(PROCESSES)
                .register(registry);
        if (this.launcher instanceof GipcProcessLauncher gipc) {
            gipc.addListener(new ChildMeters(registry));
            gipc.onNamedPipe(name -> bindPipe(registry, name));
        }
    }

    private void bindPipe(MeterRegistry registry, String name) {
        PipeCounters counters = this.pipes.computeIfAbsent(name, key -> new PipeCounters(this.launcher, key));
        pipeCounter(
                registry,
                "gipc.pipe.messages",
                "Messages that went through the pipe's ends held here",
                "messages",
                name,
                "in",
                counters,
                PipeStats::messagesIn);
        pipeCounter(
                registry,
                "gipc.pipe.messages",
                "Messages that went through the pipe's ends held here",
                "messages",
                name,
                "out",
                counters,
                PipeStats::messagesOut);
        pipeCounter(
                registry,
                "gipc.pipe.bytes",
                "Encoded bytes that went through the pipe's ends held here",
                BaseUnits.BYTES,
                name,
                "in",
                counters,
                PipeStats::bytesIn);
        pipeCounter(
                registry,
                "gipc.pipe.bytes",
                "Encoded bytes that went through the pipe's ends held here",
                BaseUnits.BYTES,
                name,
                "out",
                counters,
                PipeStats::bytesOut);
    }

    private static void pipeCounter(
            MeterRegistry registry,
            String meter,
            String description,
            String unit,
            String pipe,
            String direction,
            PipeCounters counters,
            ToLongFunction<PipeStats> field) {
        FunctionCounter.builder(meter, counters, state -> state.read(direction + meter, field))
                .description(description)
                .baseUnit(unit)
                .tags("pipe", pipe, "direction", direction)
                .register(registry);
    }

    /** Reads one pipe's counters, never letting them go down when the pipe closes and leaves the snapshot. */
    private static final class PipeCounters {

        private final ProcessLauncher launcher;

        private final String name;

        private final Map<String, AtomicLong> highest = new ConcurrentHashMap<>();

        PipeCounters(ProcessLauncher launcher, String name) {
            this.launcher = launcher;
            this.name = name;
        }

        double read(String key, ToLongFunction<PipeStats> field) {
            long current = this.launcher.pipeStats().stream()
                    .filter(stats -> this.name.equals(stats.name()))
                    .mapToLong(field)
                    .sum();
            return this.highest.computeIfAbsent(key, k -> new AtomicLong()).accumulateAndGet(current, Math::max);
        }
    }

    /** Counts children as the launcher reports them. */
    private static final class ChildMeters implements LauncherListener {

        private final Counter started;

        private final Timer start;

        private final Counter success;

        private final Counter failure;

        private final Counter killed;

        ChildMeters(MeterRegistry registry) {
            this.started = Counter.builder("gipc.children.started")
                    .description("Child processes that started running their task")
                    .baseUnit(PROCESSES)
                    .register(registry);
            this.start = Timer.builder("gipc.children.start")
                    .description("Time from start() until the child runs its task")
                    .register(registry);
            this.success = exited(registry, "success");
            this.failure = exited(registry, "failure");
            this.killed = exited(registry, "killed");
        }

        private static Counter exited(MeterRegistry registry, String outcome) {
            return Counter.builder("gipc.children.exited")
                    .description("Child processes that exited: success (exit code 0), failure (another exit"
                            + " code, or failed to start) or killed (ended by a signal)")
                    .baseUnit(PROCESSES)
                    .tag("outcome", outcome)
                    .register(registry);
        }

        @Override
        public void childStarted(GipcProcess process, Duration startLatency) {
            this.started.increment();
            this.start.record(startLatency);
        }

        @Override
        public void childExited(GipcProcess process) {
            OptionalInt code = process.exitCode();
            if (code.isEmpty() || code.getAsInt() > 0) {
                this.failure.increment();
            } else if (code.getAsInt() == 0) {
                this.success.increment();
            } else {
                this.killed.increment();
            }
        }

        @Override
        public void childFailedToStart(String name, io.gipc.GipcException failure) {
            this.failure.increment();
        }
    }
}
