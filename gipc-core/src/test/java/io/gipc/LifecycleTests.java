package io.gipc;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Orphans, descriptor leaks and the private directory's lifetime. */
class LifecycleTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    final LauncherExtension ext = new LauncherExtension();

    @Test
    void childrenExitWithinTwoSecondsWhenTheirParentIsKilled() throws Exception {
        ProcessLauncher launcher = ext.launcher();
        Pipe<Long> pids = launcher.pipe();
        var w = pids.writer();
        GipcProcess parent = launcher.start(() -> {
            GipcProcess a = Gipc.start(() -> new java.util.concurrent.CountDownLatch(1).await());
            GipcProcess b = Gipc.start(() -> new java.util.concurrent.CountDownLatch(1).await());
            w.put(a.pid());
            w.put(b.pid());
            new java.util.concurrent.CountDownLatch(1).await();
        });
        ProcessHandle a = ProcessHandle.of(pids.reader().get(WAIT)).orElseThrow();
        ProcessHandle b = ProcessHandle.of(pids.reader().get(WAIT)).orElseThrow();
        try {
            parent.kill();
            // ProcessHandle.onExit() polls non-children with growing sleeps; watch /proc instead.
            Await.until(Duration.ofSeconds(2), () -> gone(a.pid()) && gone(b.pid()), "both orphans gone");
        } finally {
            a.destroyForcibly();
            b.destroyForcibly();
        }
    }

    /** A process is gone when /proc has no entry for it or it is a zombie waiting to be reaped. */
    static boolean gone(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state == 'Z' || state == 'X';
        } catch (java.io.IOException e) {
            return true;
        }
    }

    @Test
    void noDescriptorOrThreadLeaksAfterManyPipesAndChildren() {
        ProcessLauncher launcher = ext.launcher();
        // warm up: the control socket and the JDK's own descriptors are opened once
        launcher.pipe().close();
        launcher.start(() -> {}).join();
        long before = openDescriptors();
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        for (int i = 0; i < 10_000; i++) {
            Pipe<String> p = launcher.pipe();
            if (i % 100 == 0) {
                p.writer().put("x");
                p.reader().get(WAIT);
            }
            p.close();
        }
        for (int i = 0; i < 10_000; i += 5000) {
            DuplexPipe<String> d = launcher.duplexPipe();
            d.close();
        }
        for (int i = 0; i < 100; i++) {
            Pipe<Integer> p = launcher.pipe();
            var w = p.writer();
            int n = i;
            GipcProcess child = launcher.start(() -> w.put(n));
            assertThat(p.reader().get(WAIT)).isEqualTo(i);
            child.join();
            assertThat(child.exitCode()).hasValue(0);
            p.close();
        }
        Await.until(WAIT, () -> openDescriptors() <= before, "open descriptors back to " + before);
        Await.until(
                WAIT,
                () -> ManagementFactory.getThreadMXBean().getThreadCount() <= threadsBefore + 2,
                "platform threads back to " + threadsBefore + " (+2)");
        assertThat(launcher.children()).isEmpty();
    }

    @Test
    void thePrivateDirectoryIsGoneAfterCloseAndAtJvmExit() throws Exception {
        ProcessLauncher launcher = ext.launcher();
        Pipe<String> dirs = launcher.pipe();
        var w = dirs.writer();
        GipcProcess child = launcher.start(() -> {
            Gipc.pipe(); // creates the child's default launcher and its directory
            w.put(((io.gipc.internal.launch.DefaultProcessLauncher) Gipc.launcher())
                    .directory()
                    .toString());
        });
        Path childDir = Path.of(dirs.reader().get(WAIT));
        assertThat(child.join(WAIT)).isTrue();
        assertThat(child.exitCode()).hasValue(0);
        assertThat(childDir).doesNotExist();

        Path mine = ((io.gipc.internal.launch.DefaultProcessLauncher) launcher).directory();
        assertThat(mine).exists();
        launcher.close();
        assertThat(mine).doesNotExist();
    }

    static long openDescriptors() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
