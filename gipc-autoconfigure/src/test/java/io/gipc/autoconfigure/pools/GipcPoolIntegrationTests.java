package io.gipc.autoconfigure.pools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jayway.jsonpath.JsonPath;
import io.gipc.GipcException;
import io.gipc.GipcProcess;
import io.gipc.GipcTaskException;
import io.gipc.GipcTimeoutException;
import io.gipc.GipcWorkerDiedException;
import io.gipc.Pipe;
import io.gipc.autoconfigure.ActuatorClient;
import io.gipc.autoconfigure.EntryPointPool;
import io.gipc.autoconfigure.GipcProcessLauncher;
import io.gipc.autoconfigure.pools.PoolWorkers.WorkerIdentity;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Worker pools declared in properties, in a real application on a random port: real worker JVMs in both modes,
 * calls through the pool beans, failures of every kind, and what Actuator shows of them over HTTP. The last two
 * tests run applications of their own: one to close it, one whose pool cannot start.
 */
@SpringBootTest(
        classes = PoolTestApplication.class,
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "management.endpoints.web.exposure.include=gipc,metrics,health",
            "management.endpoint.health.show-details=always",
            "gipc.shutdown.timeout=3s",
            "gipc.pools.identities.entry-point=identify",
            "gipc.pools.divider.entry-point=divide",
            "gipc.pools.divider.workers=2",
            "gipc.pools.holder.entry-point=hold",
            "gipc.pools.timed.entry-point=hold",
            "gipc.pools.timed.task-timeout=2s",
            "gipc.pools.recycled.entry-point=pid",
            "gipc.pools.recycled.max-tasks-per-worker=2"
        })
@DirtiesContext
class GipcPoolIntegrationTests {

    /** Generous: a SPRING-mode worker starts a whole Spring Boot application on a 2-core machine. */
    private static final Duration DEADLINE = Duration.ofSeconds(120);

    private static final List<String> POOLS = List.of("identities", "divider", "holder", "timed", "recycled");

    /** Pipes this test created, closed after it whatever happened, so that no worker waits on them. */
    private final List<Pipe<?>> pipes = new ArrayList<>();

    @LocalServerPort
    private int port;

    private ActuatorClient actuator;

    @Autowired
    private GipcProcessLauncher launcher;

    @Autowired
    @Qualifier("divider")
    private EntryPointPool divider;

    @Autowired
    @Qualifier("identities")
    private EntryPointPool identities;

    @Autowired
    @Qualifier("holder")
    private EntryPointPool holder;

    @Autowired
    @Qualifier("timed")
    private EntryPointPool timed;

    @Autowired
    @Qualifier("recycled")
    private EntryPointPool recycled;

    @TempDir
    private Path tmp;

    @BeforeEach
    void actuator() {
        this.actuator = new ActuatorClient(this.port);
    }

    @AfterEach
    void closePipes() {
        this.pipes.forEach(Pipe::close);
    }

    @Test
    void aPoolBeanReturnsTheEntryPointsValue() throws Exception {
        Integer quotient = result(this.divider.call(84, 2));
        assertThat(quotient).isEqualTo(42);
        assertThat(this.divider.name()).isEqualTo("divider");
        assertThat(this.divider.entryPoint()).isEqualTo("divide");
        assertThat(this.divider.pool().size()).isEqualTo(2);
        assertThat(this.divider.pool().workers())
                .hasSize(2)
                .noneMatch(w -> w.pid() == ProcessHandle.current().pid());
    }

    @Test
    void anEntryPointThatThrowsFailsItsCallWithTheExceptionWholeAndTheWorkerStays() throws Exception {
        CompletableFuture<Integer> failed = this.divider.call(1, 0);
        assertThatThrownBy(() -> result(failed))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(GipcTaskException.class)
                .hasMessageContaining("pool 'divider'")
                .satisfies(e -> {
                    assertThat(e.getCause())
                            .isInstanceOf(ArithmeticException.class)
                            .hasMessage("/ by zero");
                    assertThat(e.getCause().getStackTrace())
                            .anySatisfy(frame -> assertThat(frame.getClassName() + "." + frame.getMethodName())
                                    .isEqualTo(PoolWorkers.class.getName() + ".divide"));
                });
        Integer quotient = result(this.divider.call(9, 3));
        assertThat(quotient).isEqualTo(3);
    }

    @Test
    void argumentsThatDoNotFitAreRefusedNamingTheEntryPointAndParameter() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> this.divider.call("six", 2))
                .withMessageContaining("entry point 'divide'")
                .withMessageContaining("does not fit parameter 'dividend' of type int");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> this.divider.call(6))
                .withMessageContaining("entry point 'divide'")
                .withMessageContaining("takes exactly 2 launch argument(s), got 1");
    }

    @Test
    void aSpringWorkerStartsItsContextOnceAndKeepsItAcrossCalls() throws Exception {
        long beforeTheFirstCall = System.currentTimeMillis();
        WorkerIdentity first = result(this.identities.call(""));
        WorkerIdentity second = result(this.identities.call(""));
        assertThat(first.pid()).isNotEqualTo(ProcessHandle.current().pid());
        assertThat(second).isEqualTo(first);
        assertThat(first.contextsCreated()).as("contexts the worker started").isEqualTo(1);
        assertThat(first.contextStartup())
                .as("the warm-up started the context before the first call")
                .isLessThan(beforeTheFirstCall);
    }

    @Test
    void aWorkerKilledMidCallFailsOnlyThatCallAndIsReplaced() throws Exception {
        Held held = hold(this.holder);
        ProcessHandle.of(held.pid()).ifPresent(ProcessHandle::destroyForcibly);
        assertThatThrownBy(() -> result(held.call()))
                .cause()
                .isInstanceOf(GipcWorkerDiedException.class)
                .hasMessageContaining("pool 'holder'")
                .satisfies(e ->
                        assertThat(((GipcWorkerDiedException) e).exitCode()).hasValue(-9));
        assertThat(released(this.holder)).isNotEqualTo(held.pid());
        assertThat(ProcessHandle.of(held.pid()).filter(ProcessHandle::isAlive)).isEmpty();
    }

    @Test
    void aCallPastTheTaskTimeoutFailsAndItsWorkerIsKilledAndReplaced() throws Exception {
        Held held = hold(this.timed);
        assertThatThrownBy(() -> result(held.call()))
                .cause()
                .isInstanceOf(GipcTimeoutException.class)
                .hasMessageContaining("pool 'timed'")
                .hasMessageContaining("ran longer than PT2S");
        assertThat(ProcessHandle.of(held.pid()).map(ProcessHandle::onExit))
                .hasValueSatisfying(exit -> assertThat(exit).succeedsWithin(DEADLINE));
        assertThat(released(this.timed)).isNotEqualTo(held.pid());
    }

    @Test
    void aWorkerIsReplacedAfterMaxTasksPerWorker() throws Exception {
        List<Long> pids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Long pid = result(this.recycled.call());
            pids.add(pid);
        }
        assertThat(pids.get(1)).isEqualTo(pids.get(0));
        assertThat(pids.get(2)).isNotEqualTo(pids.get(1));
        assertThat(pids.get(3)).isEqualTo(pids.get(2));
    }

    @Test
    void metersCountPoolTasksByOutcomeWithBoundedTags() throws Exception {
        double successBefore =
                this.actuator.measurement("gipc.pool.tasks?tag=pool:divider&tag=outcome:success", "COUNT");
        double failureBefore =
                this.actuator.measurement("gipc.pool.tasks?tag=pool:divider&tag=outcome:failure", "COUNT");
        result(this.divider.call(4, 2));
        result(this.divider.call(6, 2));
        assertThatThrownBy(() -> result(this.divider.call(6, 0))).hasCauseInstanceOf(GipcTaskException.class);

        assertThat(this.actuator.measurement("gipc.pool.tasks?tag=pool:divider&tag=outcome:success", "COUNT"))
                .isEqualTo(successBefore + 2);
        assertThat(this.actuator.measurement("gipc.pool.tasks?tag=pool:divider&tag=outcome:failure", "COUNT"))
                .isEqualTo(failureBefore + 1);
        assertThat(this.actuator.measurement("gipc.pool.task.duration?tag=pool:divider&tag=outcome:success", "COUNT"))
                .isGreaterThanOrEqualTo(2);
        assertThat(this.actuator.measurement("gipc.pool.workers?tag=pool:divider", "VALUE"))
                .isEqualTo(2);
        assertThat(this.actuator.measurement("gipc.pool.busy?tag=pool:divider", "VALUE"))
                .isZero();
        assertThat(this.actuator.measurement("gipc.pool.queued?tag=pool:divider", "VALUE"))
                .isZero();

        String tasks = this.actuator.get("/actuator/metrics/gipc.pool.tasks", 200);
        assertThat((String) JsonPath.read(tasks, "$.description")).isNotBlank();
        assertThat((String) JsonPath.read(tasks, "$.baseUnit")).isEqualTo("tasks");
        List<String> pools = JsonPath.read(tasks, "$.availableTags[?(@.tag == 'pool')].values[*]");
        assertThat(pools).containsExactlyInAnyOrderElementsOf(POOLS);
        List<String> outcomes = JsonPath.read(tasks, "$.availableTags[?(@.tag == 'outcome')].values[*]");
        assertThat(outcomes).containsExactlyInAnyOrder("success", "failure", "timeout", "died", "cancelled");
    }

    @Test
    void endpointAndHealthShowEachPoolWithItsWorkers() throws Exception {
        result(this.divider.call(8, 2));
        String json = this.actuator.get("/actuator/gipc", 200);
        String pool = "$.pools[?(@.name == 'divider')]";
        assertThat(JsonPath.<List<String>>read(json, pool + ".entryPoint")).containsExactly("divide");
        assertThat(JsonPath.<List<Integer>>read(json, pool + ".size")).containsExactly(2);
        assertThat(JsonPath.<List<Integer>>read(json, pool + ".alive")).containsExactly(2);
        assertThat(JsonPath.<List<Number>>read(json, pool + ".workers[*].pid"))
                .extracting(Number::longValue)
                .containsExactlyInAnyOrderElementsOf(this.divider.pool().workers().stream()
                        .map(GipcProcess::pid)
                        .toList());
        assertThat(JsonPath.<List<Boolean>>read(json, pool + ".workers[*].busy"))
                .containsOnly(false);
        assertThat(JsonPath.<List<Number>>read(json, pool + ".tasks.success"))
                .singleElement()
                .satisfies(count -> assertThat(count.longValue()).isPositive());
        assertThat(JsonPath.<List<String>>read(json, "$.pools[*].name")).containsExactlyInAnyOrderElementsOf(POOLS);

        String health = this.actuator.get("/actuator/health/gipc", 200);
        assertThat((String) JsonPath.read(health, "$.status")).isEqualTo("UP");
        assertThat((Integer) JsonPath.read(health, "$.details.pools.divider.alive"))
                .isEqualTo(2);
    }

    @Test
    void closingTheContextEndsThePoolsWorkersAndClosesTheirContexts() throws Exception {
        Path marker = this.tmp.resolve("worker-context-closed");
        List<Long> workers = new ArrayList<>();
        ConfigurableApplicationContext application =
                application("gipc.pools.closing.entry-point=identify", "gipc.pools.plain.entry-point=pid");
        try {
            EntryPointPool closing = application.getBean("closing", EntryPointPool.class);
            EntryPointPool plain = application.getBean("plain", EntryPointPool.class);
            WorkerIdentity identity = result(closing.call(marker.toString()));
            workers.add(identity.pid());
            Long plainPid = result(plain.call());
            workers.add(plainPid);
            assertThat(Files.exists(marker)).isFalse();
            application.close();
            assertThatThrownBy(() -> closing.call(""))
                    .isInstanceOf(GipcException.class)
                    .hasMessageContaining("closed");
        } finally {
            application.close();
            workers.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        }
        assertThat(workers)
                .allSatisfy(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive))
                        .as("worker %d", pid)
                        .isEmpty());
        assertThat(marker)
                .as("the SPRING worker closed its context as it exited")
                .exists();
    }

    @Test
    void aPoolWhoseWorkersCannotStartLeavesTheApplicationUpAndItsHealthDown() throws Exception {
        try (ConfigurableApplicationContext application = application(
                "gipc.pools.broken.entry-point=pid",
                "gipc.pools.broken.workers=2",
                "gipc.pools.broken.jvm-arguments=-XX:+NoSuchGipcOption")) {
            EntryPointPool broken = application.getBean("broken", EntryPointPool.class);
            assertThat(broken.stats().alive()).isZero();
            assertThatThrownBy(() -> result(broken.call()))
                    .cause()
                    .isInstanceOf(GipcException.class)
                    .hasMessageContaining("gipc.pools.broken (entry point 'pid', 2 worker(s))")
                    .hasMessageContaining("pool 'broken' could not start any worker");

            String port = application.getEnvironment().getProperty("local.server.port");
            HttpResponse<String> health = new ActuatorClient(port).send("/actuator/health/gipc");
            assertThat(health.statusCode()).as(health.body()).isEqualTo(503);
            assertThat((String) JsonPath.read(health.body(), "$.status")).isEqualTo("DOWN");
            assertThat((String) JsonPath.read(health.body(), "$.details.pools.broken.failure"))
                    .contains("could not start");
            assertThat(application.getBean(GipcProcessLauncher.class).children())
                    .as("no worker left running")
                    .isEmpty();
        }
    }

    /** A call of {@code hold} that runs until its release pipe closes, and the pid of the worker running it. */
    private record Held(CompletableFuture<Long> call, long pid) {}

    private Held hold(EntryPointPool pool) {
        Pipe<Long> pids = pipe();
        Pipe<String> release = pipe();
        CompletableFuture<Long> call = pool.call(pids.writer(), release.reader());
        return new Held(call, pids.reader().get(DEADLINE));
    }

    /** Calls {@code hold} released at once: returns the pid of the worker that ran it. */
    private long released(EntryPointPool pool) throws Exception {
        Pipe<Long> pids = pipe();
        Pipe<String> release = pipe();
        release.writer().put("go");
        Long pid = result(pool.call(pids.writer(), release.reader()));
        return pid;
    }

    private <T> Pipe<T> pipe() {
        Pipe<T> pipe = this.launcher.pipe();
        this.pipes.add(pipe);
        return pipe;
    }

    private static <R> R result(CompletableFuture<R> future) throws Exception {
        return future.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    }

    private static ConfigurableApplicationContext application(String... properties) {
        List<String> all = new ArrayList<>(List.of(
                "server.port=0",
                "gipc.shutdown.timeout=3s",
                "spring.jmx.enabled=false",
                "management.endpoints.web.exposure.include=health",
                "management.endpoint.health.show-details=always"));
        all.addAll(List.of(properties));
        return new SpringApplicationBuilder(PoolTestApplication.class)
                .properties(all.toArray(String[]::new))
                .run();
    }
}
