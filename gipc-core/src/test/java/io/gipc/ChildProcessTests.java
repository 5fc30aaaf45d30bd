package io.gipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Child JVMs: start, exit codes, signals, names, output (SPEC §4, Children). */
class ChildProcessTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    final LauncherExtension ext = new LauncherExtension();

    @TempDir
    Path tmp;

    @Test
    void exitCodeIsZeroWhenTheTaskReturns() {
        GipcProcess child = ext.launcher().start(() -> {});
        assertThat(child.join(WAIT)).isTrue();
        assertThat(child.exitCode()).hasValue(0);
        assertThat(child.isAlive()).isFalse();
    }

    @Test
    void exitCodeIsOneWithTheStackTraceOnStderrWhenTheTaskThrows() throws Exception {
        Path err = tmp.resolve("err.txt");
        GipcProcess child = ext.launcher()
                .start(
                        () -> {
                            throw new IllegalStateException("boom from the child");
                        },
                        ChildOptions.named("thrower").withError(Redirect.to(err.toFile())));
        assertThat(child.join(WAIT)).isTrue();
        assertThat(child.exitCode()).hasValue(1);
        assertThat(Files.readString(err))
                .contains("IllegalStateException: boom from the child")
                .contains("\tat ");
    }

    @Test
    void exitCodeIsWhatSystemExitSays() {
        GipcProcess child = ext.launcher().start(() -> System.exit(7));
        assertThat(child.join(WAIT)).isTrue();
        assertThat(child.exitCode()).hasValue(7);
    }

    @Test
    void systemExit143IsNotMistakenForSigterm() {
        GipcProcess child = ext.launcher().start(() -> System.exit(143));
        assertThat(child.join(WAIT)).isTrue();
        assertThat(child.exitCode()).hasValue(143);
    }

    @Test
    void terminateGivesMinus15AndRunsTheChildsShutdownHooks() throws Exception {
        ProcessLauncher launcher = ext.launcher();
        Path marker = tmp.resolve("hook-ran");
        String markerPath = marker.toString();
        Pipe<String> ready = launcher.pipe();
        var w = ready.writer();
        GipcProcess child = launcher.start(() -> {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Files.writeString(Path.of(markerPath), "yes");
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            }));
            w.put("ready");
            new java.util.concurrent.CountDownLatch(1).await();
        });
        assertThat(ready.reader().get(WAIT)).isEqualTo("ready");
        child.terminate();
        assertThat(child.join(WAIT)).isTrue();
        assertThat(child.exitCode()).hasValue(-15);
        assertThat(Files.readString(marker)).isEqualTo("yes");
    }

    @Test
    void killGivesMinus9() {
        GipcProcess child = startWaitingChild(ext.launcher());
        child.kill();
        assertThat(child.join(WAIT)).isTrue();
        assertThat(child.exitCode()).hasValue(-9);
    }

    @Test
    void aSignalFromSomeoneElseGivesMinusItsNumber() {
        GipcProcess child = startWaitingChild(ext.launcher());
        ProcessHandle.of(child.pid()).orElseThrow().destroy(); // SIGTERM, not through gipc
        assertThat(child.join(WAIT)).isTrue();
        assertThat(child.exitCode()).hasValue(-15);
    }

    /** Starts a child that waits forever once it runs, and returns when it has said so. */
    static GipcProcess startWaitingChild(ProcessLauncher launcher) {
        Pipe<String> ready = launcher.pipe();
        var w = ready.writer();
        GipcProcess child = launcher.start(() -> {
            w.put("ready");
            new java.util.concurrent.CountDownLatch(1).await();
        });
        assertThat(ready.reader().get(WAIT)).isEqualTo("ready");
        return child;
    }

    /**
     * More virtual threads than carriers block in {@code join()}: each is parked (WAITING), and the carriers still
     * run another virtual thread, which a pinned carrier per joiner would starve.
     */
    @Test
    void onExitCompletesWithTheProcessAndJoinParksAVirtualThread() throws Exception {
        ProcessLauncher launcher = ext.launcher();
        Pipe<String> release = launcher.pipe();
        var r = release.reader();
        GipcProcess child = launcher.start(() -> System.exit(r.get().length()));
        int joiners = Runtime.getRuntime().availableProcessors() + 1;
        List<Thread> joining = new java.util.ArrayList<>();
        for (int i = 0; i < joiners; i++) {
            Thread joiner = Thread.ofVirtual().name("joiner-" + i).start(child::join);
            joining.add(joiner);
            Await.until(WAIT, () -> joiner.getState() == Thread.State.WAITING, joiner.getName() + " parked in join()");
        }
        Thread other = Thread.ofVirtual().start(() -> {});
        assertThat(other.join(WAIT))
                .as("a virtual thread runs while joiners wait")
                .isTrue();
        assertThat(joining).allSatisfy(joiner -> assertThat(joiner.isAlive()).isTrue());
        release.writer().put("abc");
        assertThat(child.onExit().get(30, TimeUnit.SECONDS)).isSameAs(child);
        for (Thread joiner : joining) {
            assertThat(joiner.join(WAIT)).isTrue();
        }
        assertThat(child.exitCode()).hasValue(3);
    }

    @Test
    void childrenListsAChildUntilItsExitIsKnownAndDefaultNamesAreUnique() {
        ProcessLauncher launcher = ext.launcher();
        Pipe<String> release = launcher.pipe();
        var r = release.reader();
        GipcProcess a = launcher.start(() -> r.get());
        GipcProcess b = launcher.start(() -> {});
        assertThat(a.name()).isNotEqualTo(b.name());
        assertThat(b.join(WAIT)).isTrue();
        assertThat(launcher.children()).contains(a).doesNotContain(b);
        release.writer().put("go");
        assertThat(a.join(WAIT)).isTrue();
        assertThat(launcher.children()).doesNotContain(a);
        assertThat(a.exitCode()).hasValue(0);
    }

    @Test
    void theChildRunsTheSameJavaWithTheGivenNameAndJvmArguments() {
        ProcessLauncher launcher = ext.launcher();
        Pipe<List<String>> facts = launcher.pipe();
        var w = facts.writer();
        GipcProcess child = launcher.start(
                () -> w.put(List.of(System.getProperty("java.home"), System.getProperty("gipc.test.flag"))),
                ChildOptions.named("facts").withJvmArguments("-Dgipc.test.flag=on"));
        assertThat(child.name()).isEqualTo("facts");
        assertThat(facts.reader().get(WAIT)).containsExactly(System.getProperty("java.home"), "on");
        assertThat(child.join(WAIT)).isTrue();
    }

    @Test
    void childOutputAppearsWhereTheParentsGoesByDefault() throws Exception {
        // The child's stdout goes to a file; its own child (default options) must write there too.
        Path out = tmp.resolve("out.txt");
        GipcProcess child = ext.launcher()
                .start(
                        () -> {
                            GipcProcess grandchild = Gipc.start(() -> System.out.println("hello from the grandchild"));
                            grandchild.join();
                            System.out.println("hello from the child");
                        },
                        ChildOptions.named("printer").withOutput(Redirect.to(out.toFile())));
        assertThat(child.join(WAIT)).isTrue();
        assertThat(child.exitCode()).hasValue(0);
        assertThat(Files.readString(out)).contains("hello from the grandchild").contains("hello from the child");
    }

    @Test
    void launchDataTravelsNeitherInArgvNorEnvironment() throws Exception {
        ProcessLauncher launcher = ext.launcher();
        Pipe<String> p = launcher.pipe();
        var w = p.writer();
        String secretValue = "launch-payload-" + System.nanoTime();
        GipcProcess child = launcher.start(() -> {
            String cmdline = Files.readString(Path.of("/proc/self/cmdline")).replace('\0', ' ');
            String environ = Files.readString(Path.of("/proc/self/environ")).replace('\0', ' ');
            w.put(secretValue);
            w.put(cmdline);
            w.put(environ);
        });
        assertThat(p.reader().get(WAIT)).isEqualTo(secretValue);
        String cmdline = p.reader().get(WAIT);
        String environ = p.reader().get(WAIT);
        assertThat(cmdline).doesNotContain(secretValue).contains("io.gipc.internal.launch.ChildMain");
        assertThat(environ).doesNotContain(secretValue);
        assertThat(child.join(WAIT)).isTrue();
    }

    @Test
    void anUnserializableTaskIsRefusedAtStartAndItsHandlesStayUsable() {
        ProcessLauncher launcher = ext.launcher();
        Pipe<String> p = launcher.pipe();
        var r = p.reader();
        Thread notSerializable = new Thread(() -> {});
        assertThatThrownBy(() -> launcher.start(() -> {
                    r.get();
                    notSerializable.getName();
                }))
                .isInstanceOf(GipcException.class)
                .hasMessageContaining("java.lang.Thread");
        p.writer().put("still here");
        assertThat(p.reader().get(WAIT)).isEqualTo("still here");
        assertThat(launcher.children()).isEmpty();
    }

    @Test
    void aChildThatCannotStartFailsStartWithAClearError() {
        ProcessLauncher launcher = ext.launcher();
        Pipe<String> p = launcher.pipe();
        var r = p.reader();
        Path err = tmp.resolve("err.txt");
        assertThatThrownBy(() -> launcher.start(
                        () -> r.get(),
                        ChildOptions.named("broken")
                                .withJvmArguments("-XX:+NoSuchOptionForGipc")
                                .withError(Redirect.to(err.toFile()))))
                .isInstanceOf(GipcException.class)
                .hasMessageContaining("'broken'")
                .hasMessageContaining("before running its task");
        assertThat(launcher.children()).isEmpty();
        // the reader its task captured stays here (FailedStartTests has the details)
        p.writer().put("still here");
        assertThat(r.get(WAIT)).isEqualTo("still here");
        // the launcher keeps working
        GipcProcess ok = launcher.start(() -> {});
        assertThat(ok.join(WAIT)).isTrue();
        assertThat(ok.exitCode()).hasValue(0);
    }

    /**
     * A pooled child runs in a JVM that was already running before {@code start()}: its pid is among the launcher's
     * idle JVMs seen just before. Without the pool every child would be a new pid.
     */
    @Test
    void aLauncherWithAPoolStartsChildrenFromItAndLeavesNoIdleJvmAfterClose() {
        // other tests' children run meanwhile: this test's carry a marker argument of their own
        String marker = "-Dgipc.test.launcher=" + java.util.UUID.randomUUID();
        java.util.List<String> arguments = new java.util.ArrayList<>(LauncherConfig.DEFAULT_JVM_ARGUMENTS);
        arguments.add(marker);
        ProcessLauncher launcher = ext.launcher(
                LauncherConfig.defaults().withJvmArguments(arguments).withPoolSize(2));
        for (int i = 0; i < 4; i++) {
            Await.until(WAIT, () -> idleChildPids(marker).size() >= 2, "two idle JVMs in the pool");
            java.util.Set<Long> idle = idleChildPids(marker);
            Pipe<Integer> p = launcher.pipe();
            var w = p.writer();
            int n = i;
            GipcProcess child = launcher.start(() -> w.put(n * n));
            assertThat(idle).as("pids alive before start()").contains(child.pid());
            assertThat(p.reader().get(WAIT)).isEqualTo(i * i);
            assertThat(child.join(WAIT)).isTrue();
            assertThat(child.exitCode()).hasValue(0);
        }
        Await.until(WAIT, () -> idleChildPids(marker).size() >= 2, "the pool refilled");
        java.util.Set<Long> idle = idleChildPids(marker);
        // options a pooled JVM cannot honour start a fresh one
        GipcProcess custom = launcher.start(
                () -> System.exit(Integer.getInteger("gipc.code")),
                ChildOptions.named("custom").withJvmArguments("-Dgipc.code=5"));
        assertThat(idle)
                .as("a child with its own JVM arguments starts a new JVM")
                .doesNotContain(custom.pid());
        assertThat(custom.join(WAIT)).isTrue();
        assertThat(custom.exitCode()).hasValue(5);
        launcher.close();
        Await.until(
                WAIT,
                () -> liveChildPids(marker).isEmpty(),
                "no child JVM left after close, idle pooled ones included");
    }

    /**
     * This test's pooled JVMs that the launcher has surely filed as idle: it does right after forking one, so a JVM
     * that has already run 100 ms of start-up on the CPU was filed long before.
     */
    private static java.util.Set<Long> idleChildPids(String marker) {
        java.util.Set<Long> pids = liveChildPids(marker);
        pids.removeIf(pid -> ProcessHandle.of(pid)
                .flatMap(p -> p.info().totalCpuDuration())
                .map(cpu -> cpu.compareTo(Duration.ofMillis(100)) < 0)
                .orElse(true));
        return pids;
    }

    /** This test's live child JVMs: those with {@code marker} on their command line. */
    private static java.util.Set<Long> liveChildPids(String marker) {
        return ProcessHandle.current()
                .children()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info()
                        .arguments()
                        .map(a -> java.util.Arrays.asList(a).contains(marker))
                        .orElse(false))
                .map(ProcessHandle::pid)
                .collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void startRejectsANullTask() {
        assertThatThrownBy(() -> ext.launcher().start(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
