package io.gipc.autoconfigure.actuate;

import io.gipc.autoconfigure.GipcAutoConfiguration;
import io.gipc.autoconfigure.GipcRegistry;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} for the {@code gipc}
 * Actuator endpoint ({@link GipcEndpoint}).
 */
@AutoConfiguration(after = GipcAutoConfiguration.class)
@ConditionalOnClass({Endpoint.class, ConditionalOnAvailableEndpoint.class})
@ConditionalOnAvailableEndpoint(GipcEndpoint.class)
@ConditionalOnBean(GipcRegistry.class)
public final class GipcEndpointAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    GipcEndpoint gipcEndpoint(GipcRegistry registry) {
        return new GipcEndpoint(registry);
    }
}
