package io.gipc.autoconfigure.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import io.gipc.autoconfigure.GipcAutoConfiguration;
import io.gipc.autoconfigure.GipcRegistry;
import io.gipc.autoconfigure.actuate.GipcEndpoint.GipcDescriptor;
import io.gipc.autoconfigure.actuate.GipcEndpoint.PipeDescriptor;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.Operation;
import org.springframework.boot.actuate.endpoint.OperationType;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.web.ExposableWebEndpoint;
import org.springframework.boot.actuate.endpoint.web.WebEndpointsSupplier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.ApplicationContext;

class GipcEndpointAutoConfigurationTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(GipcAutoConfiguration.class, GipcEndpointAutoConfiguration.class));

    private final WebApplicationContextRunner webContextRunner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    GipcAutoConfiguration.class,
                    GipcEndpointAutoConfiguration.class,
                    EndpointAutoConfiguration.class,
                    WebEndpointAutoConfiguration.class));

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
    void terminateIsNotExposedOverHttpByDefault() {
        this.webContextRunner
                .withPropertyValues("management.endpoints.web.exposure.include=gipc")
                .run(context -> assertThat(gipcOperationTypes(context)).containsOnly(OperationType.READ));
    }

    @Test
    void terminateIsExposedOverHttpWhenAccessIsUnrestricted() {
        this.webContextRunner
                .withPropertyValues(
                        "management.endpoints.web.exposure.include=gipc",
                        "management.endpoint.gipc.access=UNRESTRICTED")
                .run(context ->
                        assertThat(gipcOperationTypes(context)).contains(OperationType.READ, OperationType.WRITE));
    }

    @Test
    void backsOffWhenUserDefinesOne() {
        GipcEndpoint mine = new GipcEndpoint(new GipcRegistry());
        this.contextRunner
                .withPropertyValues("management.endpoints.web.exposure.include=gipc")
                .withBean("myGipcEndpoint", GipcEndpoint.class, () -> mine)
                .run(context -> assertThat(context.getBean(GipcEndpoint.class)).isSameAs(mine));
    }

    private static List<OperationType> gipcOperationTypes(ApplicationContext context) {
        ExposableWebEndpoint endpoint = context.getBean(WebEndpointsSupplier.class).getEndpoints().stream()
                .filter(candidate -> candidate.getEndpointId().toString().equals("gipc"))
                .findFirst()
                .orElseThrow();
        return endpoint.getOperations().stream().map(Operation::getType).toList();
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
