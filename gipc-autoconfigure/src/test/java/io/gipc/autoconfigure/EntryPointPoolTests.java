package io.gipc.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.gipc.ChildProcess;
import io.gipc.ChildProcess.Mode;
import io.gipc.GipcProcess;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Pool beans in a context without a web server, with real PLAIN-mode workers. */
class EntryPointPoolTests {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(GipcAutoConfiguration.class))
            .withBean(Squares.class)
            .withPropertyValues("gipc.pools.squares.entry-point=square", "gipc.shutdown.timeout=3s");

    @Test
    void aPoolStartsItsWorkersWithTheContextAndEndsThemWhenItCloses() {
        this.contextRunner.run(context -> {
            EntryPointPool pool = context.getBean("squares", EntryPointPool.class);
            GipcRegistry registry = context.getBean(GipcRegistry.class);
            assertThat(pool.stats().alive())
                    .as("workers started with the context")
                    .isEqualTo(1);
            List<GipcProcess> workers = pool.pool().workers();
            Integer square = pool.<Integer>call(7).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            assertThat(square).isEqualTo(49);
            assertThat(registry.pools()).extracting(ManagedPool::name).containsExactly("squares");
            context.close();
            assertThat(workers)
                    .hasSize(1)
                    .allSatisfy(worker -> assertThat(worker.isAlive()).isFalse());
            assertThat(registry.pools()).isEmpty();
        });
    }

    @Test
    void inAGipcChildAPoolStartsOnlyWhenCalled() {
        // a SPRING-mode child or worker starts the application too: its pools must not start workers of workers
        this.contextRunner
                .withPropertyValues(ChildApplication.ENTRY_POINT_PROPERTY + "=some-entry-point")
                .run(context -> {
                    EntryPointPool pool = context.getBean("squares", EntryPointPool.class);
                    assertThat(pool.stats().alive()).isZero();
                    assertThat(pool.stats().lastStartFailure()).isNull();
                    assertThat(context.getBean(GipcProcessLauncher.class).children())
                            .isEmpty();
                    Integer square = pool.<Integer>call(3).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
                    assertThat(square).isEqualTo(9);
                    assertThat(pool.stats().alive()).isEqualTo(1);
                });
    }

    static class Squares {

        @ChildProcess(value = "square", mode = Mode.PLAIN)
        static int square(int value) {
            return value * value;
        }
    }
}
