package io.gipc.autoconfigure.health;

import io.gipc.autoconfigure.GipcRegistry;
import io.gipc.autoconfigure.ManagedChild;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * Health of gipc's children: DOWN once a child whose entry point is marked
 * {@link io.gipc.ChildProcess#essential() essential} has exited, UP otherwise; the details describe every child
 * the {@link GipcRegistry} remembers (running ones, recent and essential exits), keyed by child name.
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
        builder.status(essentialDied ? Status.DOWN : Status.UP).withDetail("children", children);
    }
}
