package io.gipc.autoconfigure.health;

import io.gipc.WorkerPoolStats;
import io.gipc.autoconfigure.GipcRegistry;
import io.gipc.autoconfigure.ManagedChild;
import io.gipc.autoconfigure.ManagedPool;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * Health of gipc's children and worker pools: DOWN once a child whose entry point is marked
 * {@link io.gipc.ChildProcess#essential() essential} has exited, or while a pool cannot keep any worker alive (none
 * is alive and its last worker start failed), UP otherwise. The details describe every child the
 * {@link GipcRegistry} remembers (running ones, recent and essential exits), keyed by child name, and every pool,
 * keyed by pool name, with the start failure of a failing one.
 */
public class GipcHealthIndicator extends AbstractHealthIndicator {

    private final GipcRegistry registry;

    /**
     * Creates the indicator.
     *
     * @param registry the children it reports
     */
    public GipcHealthIndicator(GipcRegistry registry) {
        super("gipc health check failed");
        this.registry = registry;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean essentialDied = false;
        Map<String, Object> children = new LinkedHashMap<>();
        for (ManagedChild child : this.registry.children()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("pid", child.process().pid());
            String entryPoint = child.entryPoint();
            if (entryPoint != null) {
                details.put("entryPoint", entryPoint);
            }
            details.put("state", child.state());
            child.process().exitCode().ifPresent(code -> details.put("exitCode", code));
            details.put("essential", child.essential());
            children.put(child.process().name(), details);
            essentialDied |= child.essential() && !child.process().isAlive();
        }
        boolean poolFailing = false;
        Map<String, Object> pools = new LinkedHashMap<>();
        for (ManagedPool pool : this.registry.pools()) {
            WorkerPoolStats stats = pool.stats();
            Map<String, Object> details = new LinkedHashMap<>();
            String entryPoint = pool.entryPoint();
            if (entryPoint != null) {
                details.put("entryPoint", entryPoint);
            }
            details.put("size", stats.size());
            details.put("alive", stats.alive());
            details.put("busy", stats.busy());
            details.put("queued", stats.queued());
            if (pool.isFailing()) {
                details.put("failure", stats.lastStartFailure());
                poolFailing = true;
            }
            pools.put(pool.name(), details);
        }
        builder.status((essentialDied || poolFailing) ? Status.DOWN : Status.UP).withDetail("children", children);
        if (!pools.isEmpty()) {
            builder.withDetail("pools", pools);
        }
    }
}
