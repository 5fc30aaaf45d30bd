package io.gipc.sample;

import io.gipc.ProcessLauncher;
import io.gipc.sample.examples.Example;
import java.util.Optional;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The sample application: gipc's three examples ({@code example1}, {@code example2}, {@code example3}) or, without
 * an argument, a web service that renders images on a pool of crash-isolated worker JVMs.
 *
 * <p>The examples run in a Spring context without a web server and use the starter's {@link ProcessLauncher} bean;
 * closing the context terminates any child they left behind.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SampleApplication {

    /**
     * Runs an example, or the web service.
     *
     * @param args {@code example1 [--messages N]}, {@code example2 [--clients N]}, {@code example3}, or Spring Boot
     *     arguments for the web service
     * @throws Exception when an example fails: the stack trace is printed and the exit code is 1
     */
    public static void main(String[] args) throws Exception {
        SpringApplication application = new SpringApplication(SampleApplication.class);
        Optional<Example> example;
        try {
            example = Example.parse(args);
        } catch (IllegalArgumentException ex) {
            System.err.println(ex.getMessage());
            System.err.println(Example.USAGE);
            System.exit(2);
            return;
        }
        if (example.isEmpty()) {
            application.run(args);
            return;
        }
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        application.setAdditionalProfiles("example");
        int code;
        try (ConfigurableApplicationContext context = application.run()) {
            code = example.get().run(context.getBean(ProcessLauncher.class), System.out);
        }
        System.exit(code);
    }
}
