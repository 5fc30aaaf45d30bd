package io.gipc.autoconfigure.health;

import io.gipc.ProcessLauncher;
import io.gipc.autoconfigure.GipcAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} for the {@code gipc}
 * health indicator ({@link GipcHealthIndicator}).
 */
@AutoConfiguration(after = GipcAutoConfiguration.class)
@ConditionalOnClass(AbstractHealthIndicator.class)
@ConditionalOnBean(ProcessLauncher.class)
@ConditionalOnEnabledHealthIndicator("gipc")
public final class GipcHealthContributorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "gipcHealthIndicator")
    GipcHealthIndicator gipcHealthIndicator(ProcessLauncher launcher) {
        return new GipcHealthIndicator(launcher);
    }
}
