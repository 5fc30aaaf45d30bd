package io.gipc.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.gipc.ChildOptions;
import io.gipc.ChildProcess;
import io.gipc.ChildProcess.Mode;
import io.gipc.ChildTask;
import io.gipc.Codec;
import io.gipc.GipcProcess;
import io.gipc.LauncherListener;
import io.gipc.PipeReader;
import io.gipc.ProcessLauncher;
import io.gipc.autoconfigure.actuate.GipcEndpoint;
import io.gipc.autoconfigure.actuate.GipcEndpoint.ChildDescriptor;
import io.gipc.autoconfigure.health.GipcHealthIndicator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The Spring launcher's own behaviour, over a core launcher whose children exist only in memory and which reports
 * them to the registry as the real one does.
 */
class GipcProcessLauncherTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(GipcAutoConfiguration.class))
            .withBean(Workers.class);

    @Test
    void entryPointChildrenAreNamedAfterTheirEntryPoint() {
        this.contextRunner.run(context -> {
            GipcRegistry registry = new GipcRegistry();
            RecordingLauncher core = new RecordingLauncher(registry.listener());
            GipcProcessLauncher launcher = launcher(context.getBean(ChildProcessEntryPoints.class), core, registry);
            GipcProcess first = launcher.start("plain", "a");
            GipcProcess second = launcher.start("plain", "b");
            assertThat(first.name()).isEqualTo("plain-1");
            assertThat(second.name()).isEqualTo("plain-2");
            assertThat(core.tasks)
                    .hasSize(2)
                    .allSatisfy(task -> assertThat(task)
                            .isInstanceOf(PlainEntryPointTask.class)
                            .hasToString(
                                    "@ChildProcess(\"plain\", mode = PLAIN) " + Workers.class.getName() + ".plain"));
            assertThat(launcher.start("plain", ChildOptions.named("mine"), "c").name())
                    .isEqualTo("mine");
        });
    }

    @Test
    void plainTaskRunsTheMethodWithItsLaunchArguments() throws Exception {
        this.contextRunner.run(context -> {
            GipcRegistry registry = new GipcRegistry();
            RecordingLauncher core = new RecordingLauncher(registry.listener());
            GipcProcessLauncher launcher = launcher(context.getBean(ChildProcessEntryPoints.class), core, registry);
            launcher.start("plain", "hello");
            core.tasks.get(0).run();
            assertThat(Workers.calls).contains("plain:hello");
        });
    }

    @Test
    void springModeNeedsTheApplicationSources() {
        this.contextRunner.run(context -> {
            GipcRegistry registry = new GipcRegistry();
            GipcProcessLauncher launcher = launcher(
                    context.getBean(ChildProcessEntryPoints.class),
                    new RecordingLauncher(registry.listener()),
                    registry);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> launcher.start("spring"))
                    .hasMessageContaining("runs in SPRING mode, but no SpringApplication started this context");
        });
    }

    @Test
    void healthIsDownOnceAnEssentialChildHasExited() {
        this.contextRunner.run(context -> {
            GipcRegistry registry = new GipcRegistry();
            RecordingLauncher core = new RecordingLauncher(registry.listener());
            GipcProcessLauncher launcher = launcher(context.getBean(ChildProcessEntryPoints.class), core, registry);
            GipcHealthIndicator health = new GipcHealthIndicator(registry);
            launcher.start("plain", "x");
            launcher.start("essential");
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            core.processes.get(0).exit(1);
            assertThat(health.health().getStatus()).isEqualTo(Status.UP);
            core.processes.get(1).exit(0);
            Health down = health.health();
            assertThat(down.getStatus()).isEqualTo(Status.DOWN);
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> children =
                    (Map<String, Map<String, Object>>) down.getDetails().get("children");
            assertThat(children).containsOnlyKeys("plain-1", "essential-2");
            assertThat(children.get("plain-1")).containsEntry("exitCode", 1).containsEntry("essential", false);
            assertThat(children.get("essential-2"))
                    .containsEntry("entryPoint", "essential")
                    .containsEntry("state", "exited")
                    .containsEntry("essential", true);
        });
    }

    @Test
    void endpointDescribesAndTerminatesChildren() {
        this.contextRunner.run(context -> {
            GipcRegistry registry = new GipcRegistry();
            RecordingLauncher core = new RecordingLauncher(registry.listener());
            GipcProcessLauncher launcher = launcher(context.getBean(ChildProcessEntryPoints.class), core, registry);
            GipcEndpoint endpoint = new GipcEndpoint(registry);
            GipcProcess child = launcher.start("plain", "x");
            ChildDescriptor running = endpoint.child(child.pid());
            assertThat(running.name()).isEqualTo("plain-1");
            assertThat(running.entryPoint()).isEqualTo("plain");
            assertThat(running.state()).isEqualTo("running");
            assertThat(running.exitCode()).isNull();
            assertThat(running.uptime()).startsWith("PT");
            assertThat(endpoint.terminate(child.pid())).isNotNull();
            assertThat(child.exitCode()).hasValue(-15);
            assertThat(endpoint.child(child.pid()).state()).isEqualTo("exited");
            assertThat(endpoint.child(child.pid()).exitCode()).isEqualTo(-15);
            assertThat(endpoint.terminate(child.pid())).isNull();
            assertThat(endpoint.gipc().children()).hasSize(1);
        });
    }

    @Test
    void exitedChildrenAreForgottenBeyondTheHistoryButEssentialOnesAreKept() {
        this.contextRunner.run(context -> {
            GipcRegistry registry = new GipcRegistry();
            RecordingLauncher core = new RecordingLauncher(registry.listener());
            GipcProcessLauncher launcher = launcher(context.getBean(ChildProcessEntryPoints.class), core, registry);
            launcher.start("essential");
            core.processes.get(0).exit(0);
            for (int i = 0; i < TrackedChildren.EXITED_HISTORY + 10; i++) {
                launcher.start("plain", "x");
                core.processes.get(i + 1).exit(0);
            }
            launcher.start("plain", "running");
            List<ManagedChild> managed = registry.children();
            assertThat(managed).hasSize(TrackedChildren.EXITED_HISTORY + 2);
            assertThat(managed.get(0).entryPoint()).isEqualTo("essential");
        });
    }

    @Test
    void closeTerminatesEveryChild() {
        this.contextRunner.run(context -> {
            GipcRegistry registry = new GipcRegistry();
            RecordingLauncher core = new RecordingLauncher(registry.listener());
            GipcProcessLauncher launcher = launcher(context.getBean(ChildProcessEntryPoints.class), core, registry);
            launcher.start("plain", "a");
            launcher.start("plain", "b");
            launcher.close();
            assertThat(core.processes)
                    .allSatisfy(process -> assertThat(process.exitCode()).hasValue(-15));
            assertThat(core.closed).isTrue();
        });
    }

    private static GipcProcessLauncher launcher(
            ChildProcessEntryPoints entryPoints, ProcessLauncher core, GipcRegistry registry) {
        return new GipcProcessLauncher(
                core, Codec.kryo(), entryPoints, () -> null, ChildOptions.defaults(), registry, Duration.ofSeconds(5));
    }

    static class Workers {

        static final List<String> calls = new CopyOnWriteArrayList<>();

        @ChildProcess(value = "plain", mode = Mode.PLAIN)
        static void plain(String word) {
            calls.add("plain:" + word);
        }

        @ChildProcess(value = "essential", mode = Mode.PLAIN, essential = true)
        void essential() {}

        @ChildProcess("spring")
        void spring(PipeReaderHolder holder) {}
    }

    record PipeReaderHolder(PipeReader<String> reader) {}

    /** A core launcher whose children are {@link FakeProcess}es, told to its listener as they start and exit. */
    static final class RecordingLauncher extends NoChildrenLauncher {

        final List<ChildTask> tasks = new ArrayList<>();

        final List<FakeProcess> processes = new ArrayList<>();

        private final LauncherListener listener;

        volatile boolean closed;

        RecordingLauncher(LauncherListener listener) {
            this.listener = listener;
        }

        @Override
        public GipcProcess start(ChildTask task, ChildOptions o) {
            this.tasks.add(task);
            FakeProcess process = new FakeProcess(100_000 + this.processes.size(), o.name());
            this.processes.add(process);
            process.onExit().thenRun(() -> this.listener.childExited(process));
            this.listener.childStarted(process, Duration.ofMillis(1));
            return process;
        }

        @Override
        public List<GipcProcess> children() {
            return this.processes.stream()
                    .filter(FakeProcess::isAlive)
                    .map(GipcProcess.class::cast)
                    .toList();
        }

        @Override
        public void close() {
            this.closed = true;
        }
    }
}
