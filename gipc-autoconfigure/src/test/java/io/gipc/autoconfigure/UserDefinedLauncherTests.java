package io.gipc.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gipc.Codec;
import io.gipc.GipcProcess;
import io.gipc.LauncherConfig;
import io.gipc.Pipe;
import io.gipc.PipeReader;
import io.gipc.PipeWriter;
import io.gipc.ProcessLauncher;
import io.gipc.autoconfigure.actuate.GipcEndpoint;
import io.gipc.autoconfigure.actuate.GipcEndpoint.ChildDescriptor;
import io.gipc.autoconfigure.actuate.GipcEndpoint.PipeTotalsDescriptor;
import io.gipc.autoconfigure.actuate.GipcEndpointAutoConfiguration;
import io.gipc.autoconfigure.health.GipcHealthContributorAutoConfiguration;
import io.gipc.autoconfigure.health.GipcHealthIndicator;
import io.gipc.autoconfigure.metrics.GipcMetrics;
import io.gipc.autoconfigure.metrics.GipcMetricsAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A {@code ProcessLauncher} bean of the application's own, created from the auto-configured {@code LauncherConfig},
 * runs a real child JVM; the endpoint, the health indicator and the meters still see the child and its pipe.
 */
class UserDefinedLauncherTests {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    GipcAutoConfiguration.class,
                    GipcEndpointAutoConfiguration.class,
                    GipcHealthContributorAutoConfiguration.class,
                    GipcMetricsAutoConfiguration.class))
            .withBean(SimpleMeterRegistry.class)
            .withPropertyValues("management.endpoints.web.exposure.include=gipc")
            .withUserConfiguration(UserLauncherConfiguration.class);

    @Test
    void aUserDefinedLauncherIsObservedByEndpointHealthAndMeters() {
        this.contextRunner.run(context -> {
            assertThat(context).doesNotHaveBean(GipcProcessLauncher.class);
            ProcessLauncher launcher = context.getBean(ProcessLauncher.class);
            assertThat(launcher).isSameAs(context.getBean("userLauncher"));
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            context.getBean(GipcMetrics.class).bindTo(meters);
            try (Pipe<String> jobs = launcher.pipe("jobs", Codec.kryo());
                    Pipe<String> done = launcher.pipe("done", Codec.kryo())) {
                PipeReader<String> jobReader = jobs.reader();
                PipeWriter<String> doneWriter = done.writer();
                GipcProcess child =
                        launcher.start(() -> doneWriter.put(jobReader.get().toUpperCase()));
                jobs.writer().put("job");
                assertThat(done.reader().get(DEADLINE)).isEqualTo("JOB");

                GipcEndpoint endpoint = context.getBean(GipcEndpoint.class);
                ChildDescriptor described = endpoint.child(child.pid());
                assertThat(described).isNotNull();
                assertThat(described.name()).isEqualTo(child.name());
                assertThat(endpoint.gipc().pipeTotals())
                        .filteredOn(totals -> totals.name().equals("jobs"))
                        .singleElement()
                        .extracting(PipeTotalsDescriptor::messagesOut)
                        .isEqualTo(1L);

                Health health = context.getBean(GipcHealthIndicator.class).health();
                @SuppressWarnings("unchecked")
                Map<String, Object> children =
                        (Map<String, Object>) health.getDetails().get("children");
                assertThat(children).containsKey(child.name());

                assertThat(child.join(DEADLINE)).isTrue();
                assertThat(meters.get("gipc.children.started").counter().count())
                        .isEqualTo(1);
                await().atMost(DEADLINE)
                        .untilAsserted(() -> assertThat(meters.get("gipc.children.exited")
                                        .tag("outcome", "success")
                                        .counter()
                                        .count())
                                .isEqualTo(1));
                assertThat(meters.get("gipc.pipe.messages")
                                .tag("name", "jobs")
                                .tag("direction", "out")
                                .functionCounter()
                                .count())
                        .isEqualTo(1);
                assertThat(meters.get("gipc.pipe.messages")
                                .tag("name", "done")
                                .tag("direction", "in")
                                .functionCounter()
                                .count())
                        .isEqualTo(1);
            }
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class UserLauncherConfiguration {

        @Bean
        ProcessLauncher userLauncher(LauncherConfig gipcLauncherConfig) {
            return ProcessLauncher.create(gipcLauncherConfig.withPoolSize(0));
        }
    }
}
