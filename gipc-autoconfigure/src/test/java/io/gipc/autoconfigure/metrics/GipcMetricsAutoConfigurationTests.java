package io.gipc.autoconfigure.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.gipc.ProcessLauncher;
import io.gipc.autoconfigure.GipcAutoConfiguration;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class GipcMetricsAutoConfigurationTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(GipcAutoConfiguration.class, GipcMetricsAutoConfiguration.class))
            .withBean(SimpleMeterRegistry.class);

    @Test
    void metersAreBoundToTheRegistry() {
        this.contextRunner.withPropertyValues("gipc.pipes.jobs.duplex=false").run(context -> {
            assertThat(context).hasSingleBean(GipcMetrics.class);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            context.getBean(GipcMetrics.class).bindTo(registry);
            assertThat(registry.get("gipc.children.alive").gauge().value()).isZero();
            assertThat(registry.get("gipc.children.started").counter().count()).isZero();
            assertThat(registry.get("gipc.children.start").timer().count()).isZero();
            assertThat(registry.get("gipc.children.exited").counters())
                    .extracting(counter -> counter.getId().getTag("outcome"))
                    .containsExactlyInAnyOrder("success", "failure", "killed");
            assertThat(registry.get("gipc.pipe.messages")
                            .tag("pipe", "jobs")
                            .tag("direction", "out")
                            .functionCounter()
                            .count())
                    .isZero();
            assertThat(registry.get("gipc.pipe.bytes").tag("pipe", "jobs").functionCounters())
                    .hasSize(2);
        });
    }

    @Test
    void everyMeterIsDescribedWithABaseUnitAndNoPid() {
        this.contextRunner.withPropertyValues("gipc.pipes.jobs.duplex=true").run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            context.getBean(GipcMetrics.class).bindTo(registry);
            assertThat(registry.getMeters())
                    .filteredOn(meter -> meter.getId().getName().startsWith("gipc."))
                    .isNotEmpty()
                    .allSatisfy(meter -> {
                        Meter.Id id = meter.getId();
                        assertThat(id.getDescription()).as(id.getName()).isNotBlank();
                        assertThat(id.getName()).matches("[a-z]+(\\.[a-z]+)+");
                        if (!id.getType().equals(Meter.Type.TIMER)) {
                            assertThat(id.getBaseUnit()).as(id.getName()).isNotBlank();
                        }
                        assertThat(id.getTags()).noneMatch(tag -> tag.getKey().contains("pid"));
                    });
        });
    }

    @Test
    void backsOffWithoutMicrometer() {
        this.contextRunner
                .withClassLoader(new FilteredClassLoader(MeterRegistry.class))
                .run(context -> {
                    assertThat(context).hasSingleBean(ProcessLauncher.class);
                    assertThat(context).doesNotHaveBean(GipcMetrics.class);
                });
    }

    @Test
    void backsOffWithoutAMeterRegistry() {
        new ApplicationContextRunner()
                .withConfiguration(
                        AutoConfigurations.of(GipcAutoConfiguration.class, GipcMetricsAutoConfiguration.class))
                .run(context -> assertThat(context).doesNotHaveBean(GipcMetrics.class));
    }

    @Test
    void backsOffWhenGipcIsDisabled() {
        this.contextRunner
                .withPropertyValues("gipc.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(GipcMetrics.class));
    }
}
