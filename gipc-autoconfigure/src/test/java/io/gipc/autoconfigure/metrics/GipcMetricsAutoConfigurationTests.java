package io.gipc.autoconfigure.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gipc.GipcProcess;
import io.gipc.Pipe;
import io.gipc.PipeReader;
import io.gipc.ProcessLauncher;
import io.gipc.autoconfigure.GipcAutoConfiguration;
import io.gipc.autoconfigure.GipcProcessLauncher;
import io.gipc.autoconfigure.GipcRegistry;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class GipcMetricsAutoConfigurationTests {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

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
                            .tag("name", "jobs")
                            .tag("direction", "out")
                            .functionCounter()
                            .count())
                    .isZero();
            assertThat(registry.get("gipc.pipe.bytes").tag("name", "jobs").functionCounters())
                    .hasSize(2);
        });
    }

    @Test
    void metersCountARealChildAndEveryPipeByName() {
        this.contextRunner.run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            context.getBean(GipcMetrics.class).bindTo(registry);
            GipcProcessLauncher launcher = context.getBean(GipcProcessLauncher.class);
            try (Pipe<String> jobs = launcher.pipe("jobs");
                    Pipe<String> unnamed = launcher.pipe()) {
                PipeReader<String> jobReader = jobs.reader();
                PipeReader<String> unnamedReader = unnamed.reader();
                GipcProcess child = launcher.start(() -> {
                    jobReader.get();
                    jobReader.get();
                    unnamedReader.get();
                });
                jobs.writer().put("one");
                jobs.writer().put("two");
                unnamed.writer().put("three");
                assertThat(child.join(DEADLINE)).isTrue();
                assertThat(child.exitCode()).hasValue(0);
                assertThat(registry.get("gipc.children.started").counter().count())
                        .isEqualTo(1);
                assertThat(registry.get("gipc.children.start").timer().count()).isEqualTo(1);
                await().atMost(DEADLINE)
                        .untilAsserted(() -> assertThat(registry.get("gipc.children.exited")
                                        .tag("outcome", "success")
                                        .counter()
                                        .count())
                                .isEqualTo(1));
                assertThat(registry.get("gipc.children.alive").gauge().value()).isZero();
                assertThat(pipeMessages(registry, "jobs", "out")).isEqualTo(2);
                assertThat(pipeMessages(registry, GipcRegistry.UNNAMED, "out")).isEqualTo(1);
            }
            assertThat(pipeMessages(registry, "jobs", "out"))
                    .as("closed pipes still count")
                    .isEqualTo(2);
        });
    }

    @Test
    void backsOffWhenUserDefinesABinder() {
        this.contextRunner
                .withBean("myGipcMetrics", GipcMetrics.class, () -> new GipcMetrics(new GipcRegistry()))
                .run(context -> {
                    assertThat(context).hasSingleBean(GipcMetrics.class);
                    assertThat(context).hasBean("myGipcMetrics");
                });
    }

    private static double pipeMessages(MeterRegistry registry, String name, String direction) {
        return registry.get("gipc.pipe.messages")
                .tag("name", name)
                .tag("direction", direction)
                .functionCounter()
                .count();
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
