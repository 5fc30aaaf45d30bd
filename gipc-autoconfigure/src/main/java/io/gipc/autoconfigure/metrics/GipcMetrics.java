package io.gipc.autoconfigure.metrics;

import io.gipc.GipcProcess;
import io.gipc.LauncherListener;
import io.gipc.autoconfigure.GipcRegistry;
import io.gipc.autoconfigure.PipeTotals;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.function.ToLongFunction;

/**
 * Micrometer meters for the children, pipes and worker pools of the application's launchers, as the
 * {@link GipcRegistry} sees them: children started, exited (by outcome) and alive, the time from {@code start()}
 * until a child runs its task, the messages and bytes of the pipes of every name in each direction, and per pool
 * name the tasks finished (by outcome), their duration, and the queued tasks, busy and live workers.
 *
 * <p>Tags are bounded: {@code outcome} ({@code success}, {@code failure}, {@code killed}), {@code name} (pipe names,
 * roles chosen in code or configuration; pipes created without a name count under
 * {@value GipcRegistry#UNNAMED}), {@code direction} ({@code in}, {@code out}), {@code pool} (pool names, likewise)
 * and the pools' {@code outcome} ({@code success}, {@code failure}, {@code timeout}, {@code died},
 * {@code cancelled}); never a pid. Pipe meters are
 * function counters that read {@link GipcRegistry#pipeTotals(String)}: every pipe of that name, open or closed.
 *
 * <p>Children are counted from the moment the binder is bound; the alive gauge reads the registry.
 */
public class GipcMetrics implements MeterBinder {

    private static final String PROCESSES = "processes";

    private final GipcRegistry registry;

    /**
     * Creates the binder.
     *
     * @param registry what the launchers report
     */
    public GipcMetrics(GipcRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        Gauge.builder("gipc.children.alive", this.registry, GipcMetrics::alive)
                .description("Child processes that have not exited")
                .baseUnit(PROCESSES)
                .register(meters);
        this.registry.addListener(new ChildMeters(meters));
        this.registry.onPipeName(name -> bindPipe(meters, name));
        GipcPoolMetrics pools = new GipcPoolMetrics(meters, this.registry);
        this.registry.addListener(pools);
        this.registry.onPoolName(pools::bind);
    }

    private static double alive(GipcRegistry registry) {
        return registry.children().stream()
                .filter(child -> child.process().isAlive())
                .count();
    }

    private void bindPipe(MeterRegistry meters, String name) {
        String messages = "Messages that went through the ends of the pipes of this name held here";
        String bytes = "Encoded bytes that went through the ends of the pipes of this name held here";
        pipeCounter(meters, "gipc.pipe.messages", messages, "messages", name, "in", PipeTotals::messagesIn);
        pipeCounter(meters, "gipc.pipe.messages", messages, "messages", name, "out", PipeTotals::messagesOut);
        pipeCounter(meters, "gipc.pipe.bytes", bytes, BaseUnits.BYTES, name, "in", PipeTotals::bytesIn);
        pipeCounter(meters, "gipc.pipe.bytes", bytes, BaseUnits.BYTES, name, "out", PipeTotals::bytesOut);
    }

    private void pipeCounter(
            MeterRegistry meters,
            String meter,
            String description,
            String unit,
            String name,
            String direction,
            ToLongFunction<PipeTotals> field) {
        FunctionCounter.builder(meter, this.registry, registry -> field.applyAsLong(registry.pipeTotals(name)))
                .description(description)
                .baseUnit(unit)
                .tags("name", name, "direction", direction)
                .register(meters);
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
