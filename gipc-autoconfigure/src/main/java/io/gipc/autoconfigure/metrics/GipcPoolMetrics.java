package io.gipc.autoconfigure.metrics;

import io.gipc.LauncherListener;
import io.gipc.TaskOutcome;
import io.gipc.WorkerPool;
import io.gipc.WorkerPoolStats;
import io.gipc.autoconfigure.GipcRegistry;
import io.gipc.autoconfigure.ManagedPool;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * The meters of the worker pools the {@link GipcRegistry} knows, one series per pool name ({@code pool} tag; pools
 * created without a name count under {@value GipcRegistry#UNNAMED}): tasks finished by {@code outcome}, their
 * duration, and gauges of the queued tasks, busy workers and live workers, which read the pools' stats.
 */
final class GipcPoolMetrics implements LauncherListener {

    private static final String TASKS = "tasks";

    private static final String WORKERS = "workers";

    private final MeterRegistry meters;

    private final GipcRegistry registry;

    GipcPoolMetrics(MeterRegistry meters, GipcRegistry registry) {
        this.meters = meters;
        this.registry = registry;
    }

    /** Registers every meter of a pool name, so that each outcome exists before it first happens. */
    void bind(String pool) {
        for (TaskOutcome outcome : TaskOutcome.values()) {
            counter(pool, outcome);
            timer(pool, outcome);
        }
        gauge("gipc.pool.queued", "Tasks waiting for a free worker", TASKS, pool, WorkerPoolStats::queued);
        gauge("gipc.pool.busy", "Workers running a task", WORKERS, pool, WorkerPoolStats::busy);
        gauge("gipc.pool.workers", "Workers alive", WORKERS, pool, WorkerPoolStats::alive);
    }

    @Override
    public void poolTaskFinished(WorkerPool pool, TaskOutcome outcome, Duration duration) {
        String name = pool.named() ? pool.name() : GipcRegistry.UNNAMED;
        counter(name, outcome).increment();
        timer(name, outcome).record(duration);
    }

    private Counter counter(String pool, TaskOutcome outcome) {
        return Counter.builder("gipc.pool.tasks")
                .description("Pool tasks finished: success (returned), failure (threw, or could not be sent or"
                        + " answered), timeout (ran past the task timeout), died (its worker died), cancelled")
                .baseUnit(TASKS)
                .tags("pool", pool, "outcome", outcome(outcome))
                .register(this.meters);
    }

    private Timer timer(String pool, TaskOutcome outcome) {
        return Timer.builder("gipc.pool.task.duration")
                .description("Time from a task's dispatch to a worker until it finished")
                .tags("pool", pool, "outcome", outcome(outcome))
                .register(this.meters);
    }

    private void gauge(
            String meter, String description, String unit, String pool, ToIntFunction<WorkerPoolStats> field) {
        Gauge.builder(meter, this.registry, registry -> sum(registry, pool, field))
                .description(description)
                .baseUnit(unit)
                .tag("pool", pool)
                .register(this.meters);
    }

    private static double sum(GipcRegistry registry, String pool, ToIntFunction<WorkerPoolStats> field) {
        int sum = 0;
        for (ManagedPool managed : registry.pools(pool)) {
            sum += field.applyAsInt(managed.stats());
        }
        return sum;
    }

    private static String outcome(TaskOutcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT);
    }
}
