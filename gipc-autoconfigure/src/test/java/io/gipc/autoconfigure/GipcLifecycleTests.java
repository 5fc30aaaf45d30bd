package io.gipc.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.gipc.GipcProcess;
import io.gipc.Pipe;
import io.gipc.PipeReader;
import io.gipc.ProcessLauncher;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;

class GipcLifecycleTests {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(GipcAutoConfiguration.class))
            .withPropertyValues("gipc.shutdown.timeout=5s");

    @Test
    void stopWithCallbackTerminatesTheChildrenThenCallsBack() throws Exception {
        FakeProcess child = new FakeProcess(100_001, "fake-1");
        GipcLifecycle lifecycle = new GipcLifecycle(new FixedChildrenLauncher(child), Duration.ofSeconds(5));
        lifecycle.start();
        CountDownLatch calledBack = new CountDownLatch(1);
        lifecycle.stop(calledBack::countDown);
        assertThat(calledBack.await(30, TimeUnit.SECONDS)).as("callback called").isTrue();
        assertThat(child.exitCode()).hasValue(-15);
        assertThat(lifecycle.isRunning()).isFalse();
    }

    @Test
    void pausingTheContextLeavesChildrenRunningAndClosingEndsThem() {
        this.contextRunner.run(context -> {
            ProcessLauncher launcher = context.getBean(ProcessLauncher.class);
            GipcLifecycle lifecycle = context.getBean(GipcLifecycle.class);
            Pipe<String> never = launcher.pipe();
            PipeReader<String> reader = never.reader();
            GipcProcess child = launcher.start(reader::get);
            try {
                ConfigurableApplicationContext source =
                        context.getSourceApplicationContext(ConfigurableApplicationContext.class);
                assertThat(lifecycle.isPauseable()).isFalse();
                source.pause();
                assertThat(lifecycle.isRunning()).isTrue();
                assertThat(child.isAlive()).isTrue();
                source.close();
                assertThat(child.join(DEADLINE)).isTrue();
                assertThat(child.exitCode()).hasValue(-15);
            } finally {
                child.kill();
                never.close();
            }
        });
    }

    /** A launcher that lists the children it was given. */
    static final class FixedChildrenLauncher extends NoChildrenLauncher {

        private final List<GipcProcess> children;

        FixedChildrenLauncher(GipcProcess... children) {
            this.children = List.of(children);
        }

        @Override
        public List<GipcProcess> children() {
            return this.children.stream().filter(GipcProcess::isAlive).toList();
        }
    }
}
