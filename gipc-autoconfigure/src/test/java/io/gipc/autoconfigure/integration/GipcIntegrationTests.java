package io.gipc.autoconfigure.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.jayway.jsonpath.JsonPath;
import io.gipc.DuplexPipe;
import io.gipc.GipcProcess;
import io.gipc.Pipe;
import io.gipc.autoconfigure.GipcProcessLauncher;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A real application on a random port, with real child JVMs in both modes, read and driven over HTTP through
 * Actuator. The steps build on each other, hence the order; the last two run applications of their own, to close
 * one and to fail the startup of another.
 */
@SpringBootTest(
        classes = GipcTestApplication.class,
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "management.endpoints.web.exposure.include=gipc,metrics,health",
            "management.endpoint.gipc.access=unrestricted",
            "management.endpoint.health.show-details=always",
            "gipc.pipes.greetings.duplex=true",
            "gipc.pipes.words.duplex=false",
            "gipc.pipes.shouts.duplex=false",
            "gipc.shutdown.timeout=3s"
        })
@DirtiesContext
@TestMethodOrder(OrderAnnotation.class)
class GipcIntegrationTests {

    /** Generous: a Spring-mode child starts a whole Spring Boot application on a 2-core machine. */
    private static final Duration DEADLINE = Duration.ofSeconds(120);

    /** Every child any step started, by entry point, so that cleanup can kill them whatever happened. */
    private static final Map<String, GipcProcess> children = new ConcurrentHashMap<>();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @LocalServerPort
    private int port;

    @Autowired
    private GipcProcessLauncher launcher;

    @Autowired
    @Qualifier("greetings")
    private DuplexPipe<String> greetings;

    @Autowired
    @Qualifier("words")
    private Pipe<String> words;

    @Autowired
    @Qualifier("shouts")
    private Pipe<String> shouts;

    @AfterAll
    static void killChildren() {
        children.values().forEach(child -> ProcessHandle.of(child.pid()).ifPresent(ProcessHandle::destroyForcibly));
    }

    @Test
    @Order(1)
    void plainEntryPointTalksOverPipeBeans() {
        long started = System.nanoTime();
        GipcProcess upper = this.launcher.start("upper", this.words.reader(), this.shouts.writer());
        children.put("upper", upper);
        this.words.writer().put("hello");
        assertThat(this.shouts.reader().get(DEADLINE)).isEqualTo("HELLO");
        System.out.printf("gipc: PLAIN entry point answered %d ms after start()%n", elapsedMillis(started));
        this.words.writer().put("again");
        assertThat(this.shouts.reader().get(DEADLINE)).isEqualTo("AGAIN");
        this.words.writer().close();
        assertThat(upper.join(DEADLINE)).isTrue();
        assertThat(upper.exitCode()).hasValue(0);
        assertThat(upper.name()).isEqualTo("upper-1");
    }

    @Test
    @Order(2)
    void springEntryPointUsesAnInjectedBeanAndSkipsRunnersAndWebServer() {
        long started = System.nanoTime();
        GipcProcess greeter = this.launcher.start("greeter", this.greetings.second());
        children.put("greeter", greeter);
        this.greetings.first().put("gipc");
        String reply = this.greetings.first().get(DEADLINE);
        System.out.printf("gipc: SPRING entry point answered %d ms after start()%n", elapsedMillis(started));
        assertThat(reply)
                .startsWith("Hello, gipc|")
                .contains("|profiles=gipc-child")
                .contains("|runners=0")
                .contains("|port=none")
                .contains("|spring=greeter");
        assertThat(GipcTestApplication.runnerCalls).hasValue(1);
        assertThat(greeter.isAlive()).isTrue();
    }

    @Test
    @Order(3)
    void endpointListsTheChildrenAndPipes() throws Exception {
        GipcProcess greeter = children.get("greeter");
        String json = get("/actuator/gipc", 200);
        List<String> states = JsonPath.read(json, "$.children[?(@.pid == " + greeter.pid() + ")].state");
        List<String> entryPoints = JsonPath.read(json, "$.children[?(@.pid == " + greeter.pid() + ")].entryPoint");
        assertThat(states).containsExactly("running");
        assertThat(entryPoints).containsExactly("greeter");
        List<Integer> upperExit = JsonPath.read(json, "$.children[?(@.name == 'upper-1')].exitCode");
        assertThat(upperExit).containsExactly(0);
        List<String> pipes = JsonPath.read(json, "$.pipes[*].name");
        assertThat(pipes).contains("greetings");
        List<Number> greetingsOut = JsonPath.read(json, "$.pipes[?(@.name == 'greetings')].messagesOut");
        assertThat(greetingsOut)
                .singleElement()
                .satisfies(count -> assertThat(count.longValue()).isEqualTo(1));

        String one = get("/actuator/gipc/" + greeter.pid(), 200);
        assertThat((String) JsonPath.read(one, "$.name")).isEqualTo(greeter.name());
        assertThat((String) JsonPath.read(one, "$.uptime")).startsWith("PT");
        get("/actuator/gipc/1", 404);

        String health = get("/actuator/health/gipc", 200);
        assertThat((String) JsonPath.read(health, "$.status")).isEqualTo("UP");
        assertThat((String) JsonPath.read(health, "$.details.children['" + greeter.name() + "'].state"))
                .isEqualTo("running");
    }

    @Test
    @Order(4)
    void endpointTerminatesAChild() throws Exception {
        GipcProcess greeter = children.get("greeter");
        HttpResponse<String> response = this.http.send(
                HttpRequest.newBuilder(uri("/actuator/gipc/" + greeter.pid()))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(greeter.join(DEADLINE)).isTrue();
        assertThat(greeter.exitCode()).hasValue(-15);
        String one = get("/actuator/gipc/" + greeter.pid(), 200);
        assertThat((String) JsonPath.read(one, "$.state")).isEqualTo("exited");
        assertThat((Integer) JsonPath.read(one, "$.exitCode")).isEqualTo(-15);
    }

    @Test
    @Order(5)
    void metersAreReadOverHttp() throws Exception {
        assertThat(measurement("gipc.children.started", "COUNT")).isEqualTo(2.0);
        assertThat(measurement("gipc.children.start", "COUNT")).isEqualTo(2.0);
        assertThat(measurement("gipc.children.exited?tag=outcome:success", "COUNT"))
                .isEqualTo(1.0);
        assertThat(measurement("gipc.children.exited?tag=outcome:killed", "COUNT"))
                .isEqualTo(1.0);
        assertThat(measurement("gipc.children.alive", "VALUE")).isZero();
        // Pipes are metered from the ends held here: shouts' reader and greetings' first end are still open.
        assertThat(measurement("gipc.pipe.messages?tag=pipe:shouts&tag=direction:in", "COUNT"))
                .isEqualTo(2.0);
        assertThat(measurement("gipc.pipe.messages?tag=pipe:greetings&tag=direction:out", "COUNT"))
                .isEqualTo(1.0);
        assertThat(measurement("gipc.pipe.messages?tag=pipe:greetings&tag=direction:in", "COUNT"))
                .isEqualTo(1.0);
        assertThat(measurement("gipc.pipe.bytes?tag=pipe:greetings&tag=direction:out", "COUNT"))
                .isPositive();
        String started = get("/actuator/metrics/gipc.children.started", 200);
        assertThat((String) JsonPath.read(started, "$.description")).isNotBlank();
        assertThat((String) JsonPath.read(started, "$.baseUnit")).isEqualTo("processes");
    }

    @Test
    @Order(6)
    void noChildOutlivesTheContextEvenOneThatIgnoresSigterm() throws Exception {
        ConfigurableApplicationContext application = application(GipcTestApplication.class);
        try {
            GipcProcessLauncher other = application.getBean(GipcProcessLauncher.class);
            Pipe<String> never = other.pipe();
            Pipe<String> ready = other.pipe();
            GipcProcess stubborn = other.start("stubborn", never.reader(), ready.writer());
            children.put("stubborn", stubborn);
            assertThat(ready.reader().get(DEADLINE)).isEqualTo("ready");
            Pipe<String> idle = other.pipe();
            Pipe<String> out = other.pipe();
            GipcProcess polite = other.start("upper", idle.reader(), out.writer());
            children.put("polite", polite);
            String port = application.getEnvironment().getProperty("local.server.port");
            HttpResponse<String> refused = this.http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/gipc/" + polite.pid()))
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode())
                    .as("terminate without write access")
                    .isEqualTo(405);
            assertThat(polite.isAlive()).isTrue();
            application.close();
            assertThat(stubborn.isAlive()).isFalse();
            assertThat(polite.isAlive()).isFalse();
            assertThat(polite.exitCode()).hasValue(-15);
            assertNoneAlive(stubborn, polite);
        } finally {
            application.close();
        }
    }

    @Test
    @Order(7)
    void childrenStartedBeforeAStartupFailureAreEnded() {
        assertThatIllegalStateException()
                .isThrownBy(() -> application(GipcTestApplication.class, FailingStartup.class))
                .withMessageContaining("startup fails after a child started");
        GipcProcess started = FailingStartup.started.get();
        assertThat(started).isNotNull();
        children.put("failed-startup", started);
        assertThat(started.isAlive()).isFalse();
        assertNoneAlive(started);
    }

    private static ConfigurableApplicationContext application(Class<?>... sources) {
        return new SpringApplicationBuilder(sources)
                .properties(
                        "server.port=0",
                        "gipc.shutdown.timeout=3s",
                        "spring.jmx.enabled=false",
                        "management.endpoints.web.exposure.include=gipc")
                .run();
    }

    private static void assertNoneAlive(GipcProcess... processes) {
        assertThat(processes)
                .allSatisfy(child -> assertThat(ProcessHandle.of(child.pid()).filter(ProcessHandle::isAlive))
                        .as("child %s (pid %d)", child.name(), child.pid())
                        .isEmpty());
    }

    /** Starts a child while the context starts, then fails the startup. Not scanned: no annotation. */
    static class FailingStartup {

        static final AtomicReference<GipcProcess> started = new AtomicReference<>();

        @Bean
        SmartInitializingSingleton startChildThenFail(GipcProcessLauncher launcher) {
            return () -> {
                Pipe<String> never = launcher.pipe();
                Pipe<String> ready = launcher.pipe();
                started.set(launcher.start("stubborn", never.reader(), ready.writer()));
                ready.reader().get(DEADLINE);
                throw new IllegalStateException("startup fails after a child started");
            };
        }
    }

    private double measurement(String meter, String statistic) throws Exception {
        String json = get("/actuator/metrics/" + meter, 200);
        List<Number> values = JsonPath.read(json, "$.measurements[?(@.statistic == '" + statistic + "')].value");
        assertThat(values).as(meter + " " + statistic).hasSize(1);
        return values.get(0).doubleValue();
    }

    private String get(String path, int status) throws Exception {
        HttpResponse<String> response = this.http.send(
                HttpRequest.newBuilder(uri(path))
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(status);
        return response.body();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + this.port + path);
    }

    private static long elapsedMillis(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }
}
