package io.gipc.autoconfigure.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.gipc.autoconfigure.GipcAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class GipcHealthContributorAutoConfigurationTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(
                    AutoConfigurations.of(GipcAutoConfiguration.class, GipcHealthContributorAutoConfiguration.class));

    @Test
    void healthIndicatorIsRegisteredAndUpWithoutChildren() {
        this.contextRunner.run(context -> {
            assertThat(context).hasSingleBean(GipcHealthIndicator.class);
            assertThat(context.getBean(GipcHealthIndicator.class).health().getStatus())
                    .isEqualTo(Status.UP);
        });
    }

    @Test
    void healthIndicatorCanBeDisabled() {
        this.contextRunner
                .withPropertyValues("management.health.gipc.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(GipcHealthIndicator.class));
    }

    @Test
    void backsOffWithoutSpringBootHealth() {
        this.contextRunner
                .withClassLoader(new FilteredClassLoader(AbstractHealthIndicator.class))
                .run(context -> assertThat(context).doesNotHaveBean(GipcHealthIndicator.class));
    }

    @Test
    void backsOffWhenUserDefinesOne() {
        this.contextRunner
                .withBean(
                        "gipcHealthIndicator",
                        HealthIndicator.class,
                        () -> () -> Health.up().build())
                .run(context -> {
                    assertThat(context).hasBean("gipcHealthIndicator");
                    assertThat(context).doesNotHaveBean(GipcHealthIndicator.class);
                });
    }

    @Test
    void backsOffWhenUserDefinesAGipcHealthContributor() {
        this.contextRunner
                .withBean(
                        "gipcHealthContributor",
                        HealthIndicator.class,
                        () -> () -> Health.up().build())
                .run(context -> {
                    assertThat(context).hasBean("gipcHealthContributor");
                    assertThat(context).doesNotHaveBean(GipcHealthIndicator.class);
                });
    }

    @Test
    void isRegisteredForAUserDefinedLauncher() {
        this.contextRunner
                .withBean("userLauncher", io.gipc.ProcessLauncher.class, io.gipc.ProcessLauncher::create)
                .run(context -> assertThat(context).hasSingleBean(GipcHealthIndicator.class));
    }
}
