package io.gipc.autoconfigure.integration;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A small web application with gipc entry points, for {@link GipcIntegrationTests}. */
@SpringBootApplication
public class GipcTestApplication {

    /** How often the runner ran in this JVM: once in the parent, never in a child. */
    static final AtomicInteger runnerCalls = new AtomicInteger();

    @Bean
    Greeter greeter() {
        return new Greeter("Hello");
    }

    @Bean
    ApplicationRunner countingRunner() {
        return args -> runnerCalls.incrementAndGet();
    }

    /** A bean that a Spring-mode child gets injected. */
    record Greeter(String salutation) {

        String greet(String name) {
            return this.salutation + ", " + name;
        }
    }
}
