package io.gipc;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A child that takes a pre-started JVM from the launcher's pool behaves as a fresh one: exit codes, signals,
 * handles moved in both directions, messages in order. Each test waits until the pool holds an idle JVM (a child
 * process of this JVM started with {@code -Dgipc.child.pooled=true} and this test's own marker argument, since other
 * tests' launchers run at the same time), checks that {@code start()} took exactly that JVM, and that the child
 * reports the flag, so a pooled JVM is what is tested.
 */
class PooledChildTests {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String POOLED_FLAG = "-Dgipc.child.pooled=true";
    /** CPU time after which a pooled JVM is surely filed as idle (a JVM's start-up alone takes more). */
    private static final Duration FILED = Duration.ofMillis(100);

    @RegisterExtension
    final LauncherExtension ext = new LauncherExtension();

    /** On the command line of this test's children only. */
    private final String marker = "-Dgipc.test.launcher=" + UUID.randomUUID();

    @Test
    void aPooledChildThatReturnsExitsZeroAndRanInThePooledJvm() {
        ProcessLauncher launcher = pooledLauncher();
        Pipe<String> pipe = launcher.pipe();
        PipeWriter<String> w = pipe.writer();
        GipcProcess child = startPooled(
                launcher,
                () -> w.put(
                        String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments())));
        assertThat(pipe.reader().get(WAIT)).contains(POOLED_FLAG);
        assertThat(child.join(WAIT)).isTrue();
        assertThat(child.exitCode()).hasValue(0);
    }

    @Test
    void aPooledChildThatThrowsExitsOneAndOneThatCallsExitGivesItsCode() {
        ProcessLauncher launcher = pooledLauncher();
        GipcProcess thrower = startPooled(launcher, () -> {
            throw new IllegalStateException("thrown in a pooled child (expected by the test)");
        });
        assertThat(thrower.join(WAIT)).isTrue();
        assertThat(thrower.exitCode()).hasValue(1);
        GipcProcess exiter = startPooled(launcher, () -> System.exit(7));
        assertThat(exiter.join(WAIT)).isTrue();
        assertThat(exiter.exitCode()).hasValue(7);
    }

    @Test
    void aPooledChildKilledGivesMinusNine() {
        ProcessLauncher launcher = pooledLauncher();
        Pipe<String> started = launcher.pipe();
        PipeWriter<String> w = started.writer();
        GipcProcess child = startPooled(launcher, () -> {
            w.put("running");
            Thread.currentThread().join();
        });
        assertThat(started.reader().get(WAIT)).isEqualTo("running");
        child.kill();
        assertThat(child.join(WAIT)).isTrue();
        assertThat(child.exitCode()).hasValue(-9);
    }

    @Test
    void handlesMoveIntoAPooledChildBothWaysAndKeepTheOrder() {
        ProcessLauncher launcher = pooledLauncher();
        Pipe<Integer> toChild = launcher.pipe();
        Pipe<Integer> fromChild = launcher.pipe();
        for (int i = 0; i < 100; i++) {
            toChild.writer().put(i);
        }
        PipeReader<Integer> in = toChild.reader();
        PipeWriter<Integer> out = fromChild.writer();
        GipcProcess child = startPooled(launcher, () -> {
            for (int i = 0; i < 200; i++) {
                out.put(in.get() * 2);
            }
        });
        for (int i = 100; i < 200; i++) {
            toChild.writer().put(i);
        }
        for (int i = 0; i < 200; i++) {
            assertThat(fromChild.reader().get(WAIT)).isEqualTo(i * 2);
        }
        assertThat(child.join(WAIT)).isTrue();
        assertThat(child.exitCode()).hasValue(0);
    }

    private ProcessLauncher pooledLauncher() {
        List<String> arguments = new ArrayList<>(LauncherConfig.DEFAULT_JVM_ARGUMENTS);
        arguments.add(marker);
        return ext.launcher(
                LauncherConfig.defaults().withJvmArguments(arguments).withPoolSize(1));
    }

    /** Waits for an idle pooled JVM, starts {@code task} and checks that it took that JVM. */
    private GipcProcess startPooled(ProcessLauncher launcher, ChildTask task) {
        Await.until(WAIT, () -> !idlePooledPids().isEmpty(), "an idle pooled JVM");
        Set<Long> idle = idlePooledPids();
        GipcProcess child = launcher.start(task);
        assertThat(idle).as("pooled JVMs alive before start()").contains(child.pid());
        return child;
    }

    private Set<Long> idlePooledPids() {
        return ProcessHandle.current()
                .children()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info()
                        .arguments()
                        .map(a -> Set.of(a).containsAll(Set.of(POOLED_FLAG, marker)))
                        .orElse(false))
                // the launcher files a pooled JVM as idle right after forking it, so a JVM that has already run
                // its start-up on the CPU was filed long before; one seen just after its fork may not be yet
                .filter(p -> p.info()
                        .totalCpuDuration()
                        .map(cpu -> cpu.compareTo(FILED) >= 0)
                        .orElse(false))
                .map(ProcessHandle::pid)
                .collect(Collectors.toSet());
    }
}
