package io.gipc.autoconfigure.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import io.gipc.DuplexPipe;
import io.gipc.GipcProcess;
import io.gipc.Pipe;
import io.gipc.autoconfigure.ActuatorClient;
import io.gipc.autoconfigure.GipcProcessLauncher;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
 * Actuator. Every test starts the children it looks at and ends them afterwards, so that tests run in any order;
 * the last two run applications of their own, to close one and to fail the startup of another.
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
class GipcIntegrationTests {

    /** Generous: a Spring-mode child starts a whole Spring Boot application on a 2-core machine. */
    private static final Duration DEADLINE = Duration.ofSeconds(120);

    /** The children this test started, killed after it whatever happened. */
    private final List<GipcProcess> children = new CopyOnWriteArrayList<>();

    @LocalServerPort
    private int port;

    private ActuatorClient actuator;

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

    @BeforeEach
    void actuator() {
        this.actuator = new ActuatorClient(this.port);
    }

    /** Through the process itself, not its pid: a pid that was reused by now must not be signalled. */
    @AfterEach
    void killChildren() {
        this.children.stream().filter(GipcProcess::isAlive).forEach(GipcProcess::kill);
    }

    @Test
    void plainEntryPointTalksOverPipeBeans() {
        long started = System.nanoTime();
        GipcProcess upper = started(this.launcher.start("upper", this.words.reader(), this.shouts.writer()));
        this.words.writer().put("hello");
        assertThat(this.shouts.reader().get(DEADLINE)).isEqualTo("HELLO");
        System.out.printf("gipc: PLAIN entry point answered %d ms after start()%n", elapsedMillis(started));
        this.words.writer().put("again");
        assertThat(this.shouts.reader().get(DEADLINE)).isEqualTo("AGAIN");
        this.words.writer().close();
        assertThat(upper.join(DEADLINE)).isTrue();
        assertThat(upper.exitCode()).hasValue(0);
        assertThat(upper.name()).startsWith("upper-");
    }

    @Test
    void springEntryPointUsesAnInjectedBeanAndSkipsRunnersAndWebServer() {
        long started = System.nanoTime();
        GipcProcess greeter = started(this.launcher.start("greeter", this.greetings.second()));
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
    void endpointAndHealthListTheChildrenAndPipes() throws Exception {
        Pipe<String> in = this.launcher.pipe("listed-in");
        Pipe<String> out = this.launcher.pipe("listed-out");
        GipcProcess upper = started(this.launcher.start("upper", in.reader(), out.writer()));
        in.writer().put("one");
        assertThat(out.reader().get(DEADLINE)).isEqualTo("ONE");

        String json = this.actuator.get("/actuator/gipc", 200);
        String child = "$.children[?(@.pid == " + upper.pid() + ")]";
        assertThat(JsonPath.<List<String>>read(json, child + ".state")).containsExactly("running");
        assertThat(JsonPath.<List<String>>read(json, child + ".entryPoint")).containsExactly("upper");
        List<Number> openOut = JsonPath.read(json, "$.pipes[?(@.name == 'listed-in')].messagesOut");
        assertThat(openOut)
                .singleElement()
                .satisfies(count -> assertThat(count.longValue()).isEqualTo(1));
        List<Number> totalIn = JsonPath.read(json, "$.pipeTotals[?(@.name == 'listed-out')].messagesIn");
        assertThat(totalIn)
                .singleElement()
                .satisfies(count -> assertThat(count.longValue()).isEqualTo(1));

        String one = this.actuator.get("/actuator/gipc/" + upper.pid(), 200);
        assertThat((String) JsonPath.read(one, "$.name")).isEqualTo(upper.name());
        assertThat((String) JsonPath.read(one, "$.uptime")).startsWith("PT");
        this.actuator.get("/actuator/gipc/1", 404);

        String health = this.actuator.get("/actuator/health/gipc", 200);
        assertThat((String) JsonPath.read(health, "$.status")).isEqualTo("UP");
        assertThat((String) JsonPath.read(health, "$.details.children['" + upper.name() + "'].state"))
                .isEqualTo("running");

        in.writer().close();
        assertThat(upper.join(DEADLINE)).isTrue();
        String after = this.actuator.get("/actuator/gipc/" + upper.pid(), 200);
        assertThat((Integer) JsonPath.read(after, "$.exitCode")).isZero();
        in.close();
        out.close();
    }

    @Test
    void endpointTerminatesAChild() throws Exception {
        Pipe<String> idle = this.launcher.pipe();
        Pipe<String> out = this.launcher.pipe();
        GipcProcess upper = started(this.launcher.start("upper", idle.reader(), out.writer()));
        HttpResponse<String> response = this.actuator.post("/actuator/gipc/" + upper.pid());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(upper.join(DEADLINE)).isTrue();
        assertThat(upper.exitCode()).hasValue(-15);
        String one = this.actuator.get("/actuator/gipc/" + upper.pid(), 200);
        assertThat((String) JsonPath.read(one, "$.state")).isEqualTo("exited");
        assertThat((Integer) JsonPath.read(one, "$.exitCode")).isEqualTo(-15);
        idle.close();
        out.close();
    }

    @Test
    void metersAreReadOverHttp() throws Exception {
        double startedBefore = this.actuator.measurement("gipc.children.started", "COUNT");
        double successBefore = this.actuator.measurement("gipc.children.exited?tag=outcome:success", "COUNT");
        Pipe<String> in = this.launcher.pipe("metered-in");
        Pipe<String> out = this.launcher.pipe("metered-out");
        GipcProcess upper = started(this.launcher.start("upper", in.reader(), out.writer()));
        in.writer().put("one");
        in.writer().put("two");
        assertThat(out.reader().get(DEADLINE)).isEqualTo("ONE");
        assertThat(out.reader().get(DEADLINE)).isEqualTo("TWO");
        in.writer().close();
        assertThat(upper.join(DEADLINE)).isTrue();

        assertThat(this.actuator.measurement("gipc.children.started", "COUNT")).isEqualTo(startedBefore + 1);
        await().atMost(DEADLINE)
                .untilAsserted(
                        () -> assertThat(this.actuator.measurement("gipc.children.exited?tag=outcome:success", "COUNT"))
                                .isEqualTo(successBefore + 1));
        // Pipes are metered from the ends held here: metered-in's writer and metered-out's reader.
        assertThat(this.actuator.measurement("gipc.pipe.messages?tag=name:metered-in&tag=direction:out", "COUNT"))
                .isEqualTo(2.0);
        assertThat(this.actuator.measurement("gipc.pipe.messages?tag=name:metered-out&tag=direction:in", "COUNT"))
                .isEqualTo(2.0);
        assertThat(this.actuator.measurement("gipc.pipe.bytes?tag=name:metered-in&tag=direction:out", "COUNT"))
                .isPositive();
        in.close();
        out.close();
        assertThat(this.actuator.measurement("gipc.pipe.messages?tag=name:metered-in&tag=direction:out", "COUNT"))
                .as("closed pipes still count")
                .isEqualTo(2.0);
        String started = this.actuator.get("/actuator/metrics/gipc.children.started", 200);
        assertThat((String) JsonPath.read(started, "$.description")).isNotBlank();
        assertThat((String) JsonPath.read(started, "$.baseUnit")).isEqualTo("processes");
    }

    @Test
    void noChildOutlivesTheContextEvenOneThatIgnoresSigterm() throws Exception {
        ConfigurableApplicationContext application = application(GipcTestApplication.class);
        try {
            GipcProcessLauncher other = application.getBean(GipcProcessLauncher.class);
            Pipe<String> never = other.pipe();
            Pipe<String> ready = other.pipe();
            GipcProcess stubborn = started(other.start("stubborn", never.reader(), ready.writer()));
            assertThat(ready.reader().get(DEADLINE)).isEqualTo("ready");
            Pipe<String> idle = other.pipe();
            Pipe<String> out = other.pipe();
            GipcProcess polite = started(other.start("upper", idle.reader(), out.writer()));
            String port = application.getEnvironment().getProperty("local.server.port");
            HttpResponse<String> refused = new ActuatorClient(port).post("/actuator/gipc/" + polite.pid());
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
    void childrenStartedBeforeAStartupFailureAreEnded() {
        assertThatIllegalStateException()
                .isThrownBy(() -> application(GipcTestApplication.class, FailingStartup.class))
                .withMessageContaining("startup fails after a child started");
        GipcProcess started = started(FailingStartup.started.get());
        assertThat(started).isNotNull();
        assertThat(started.isAlive()).isFalse();
        assertNoneAlive(started);
    }

    private GipcProcess started(GipcProcess child) {
        if (child != null) {
            this.children.add(child);
        }
        return child;
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

    private static long elapsedMillis(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }
}
