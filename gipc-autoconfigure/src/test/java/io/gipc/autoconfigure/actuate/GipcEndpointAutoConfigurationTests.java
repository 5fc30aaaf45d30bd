package io.gipc.autoconfigure.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import io.gipc.autoconfigure.GipcAutoConfiguration;
import io.gipc.autoconfigure.actuate.GipcEndpoint.GipcDescriptor;
import io.gipc.autoconfigure.actuate.GipcEndpoint.PipeDescriptor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class GipcEndpointAutoConfigurationTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(GipcAutoConfiguration.class, GipcEndpointAutoConfiguration.class));

    @Test
    void endpointIsRegisteredWhenExposed() {
        this.contextRunner
                .withPropertyValues("management.endpoints.web.exposure.include=gipc")
                .run(context -> assertThat(context).hasSingleBean(GipcEndpoint.class));
    }

    @Test
    void endpointIsNotRegisteredWhenNotExposed() {
        this.contextRunner.run(context -> assertThat(context).doesNotHaveBean(GipcEndpoint.class));
    }

    @Test
    void endpointIsNotRegisteredWhenAccessIsNone() {
        this.contextRunner
                .withPropertyValues(
                        "management.endpoints.web.exposure.include=gipc", "management.endpoint.gipc.access=NONE")
                .run(context -> assertThat(context).doesNotHaveBean(GipcEndpoint.class));
    }

    @Test
    void backsOffWithoutActuator() {
        this.contextRunner
                .withPropertyValues("management.endpoints.web.exposure.include=gipc")
                .withClassLoader(new FilteredClassLoader(Endpoint.class))
                .run(context -> assertThat(context).doesNotHaveBean(GipcEndpoint.class));
    }

    @Test
    void writeOperationsAreOffByDefault() {
        assertThat(GipcEndpoint.class.getAnnotation(Endpoint.class).defaultAccess())
                .isEqualTo(Access.READ_ONLY);
    }

    @Test
    void endpointListsDeclaredPipes() {
        this.contextRunner
                .withPropertyValues("management.endpoints.web.exposure.include=gipc", "gipc.pipes.jobs.duplex=true")
                .run(context -> {
                    GipcDescriptor descriptor =
                            context.getBean(GipcEndpoint.class).gipc();
                    assertThat(descriptor.children()).isEmpty();
                    assertThat(descriptor.pipes())
                            .extracting(PipeDescriptor::name)
                            .contains("jobs");
                    assertThat(context.getBean(GipcEndpoint.class).child(1)).isNull();
                    assertThat(context.getBean(GipcEndpoint.class).terminate(1)).isNull();
                });
    }
}
