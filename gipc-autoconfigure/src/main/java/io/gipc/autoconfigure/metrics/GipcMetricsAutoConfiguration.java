package io.gipc.autoconfigure.metrics;

import io.gipc.autoconfigure.GipcAutoConfiguration;
import io.gipc.autoconfigure.GipcRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} for gipc's Micrometer
 * meters ({@link GipcMetrics}).
 */
@AutoConfiguration(
        after = GipcAutoConfiguration.class,
        afterName = {
            "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"
        })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({MeterRegistry.class, GipcRegistry.class})
public final class GipcMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    GipcMetrics gipcMetrics(GipcRegistry registry) {
        return new GipcMetrics(registry);
    }
}
