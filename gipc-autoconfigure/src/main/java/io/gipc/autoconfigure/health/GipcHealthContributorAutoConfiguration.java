package io.gipc.autoconfigure.health;

import io.gipc.autoconfigure.GipcAutoConfiguration;
import io.gipc.autoconfigure.GipcRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} for the {@code gipc}
 * health indicator ({@link GipcHealthIndicator}). It backs off when the application defines a bean named
 * {@code gipcHealthIndicator} or {@code gipcHealthContributor}, and when {@code management.health.gipc.enabled} is
 * {@code false}.
 */
@AutoConfiguration(after = GipcAutoConfiguration.class)
@ConditionalOnClass(AbstractHealthIndicator.class)
@ConditionalOnBean(GipcRegistry.class)
@ConditionalOnEnabledHealthIndicator("gipc")
public final class GipcHealthContributorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = {"gipcHealthIndicator", "gipcHealthContributor"})
    GipcHealthIndicator gipcHealthIndicator(GipcRegistry registry) {
        return new GipcHealthIndicator(registry);
    }
}
