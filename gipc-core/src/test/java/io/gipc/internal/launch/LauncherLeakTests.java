package io.gipc.internal.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gipc.ChildOptions;
import io.gipc.GipcException;
import io.gipc.LauncherConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a launcher leaves behind: nothing once its children and its process are gone. */
class LauncherLeakTests {

    @TempDir
    Path base;

    /** Run in a separate JVM: creates a launcher under {@code args[0]}, prints its directory and waits. */
    public static void main(String[] args) throws Exception {
        DefaultProcessLauncher launcher =
                new DefaultProcessLauncher(LauncherConfig.defaults().withSocketParent(Path.of(args[0])));
        launcher.pipe().close();
        System.out.println(launcher.directory());
        System.out.flush();
        Thread.currentThread().join();
    }

    @Test
    void aNewLauncherRemovesTheDirectoryOfALauncherWhoseProcessWasKilled() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process owner = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        LauncherLeakTests.class.getName(),
                        base.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        Path stale;
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8));
            stale = Path.of(out.readLine());
            assertThat(stale).exists();
        } finally {
            owner.destroyForcibly();
            assertThat(owner.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(stale).exists();
        DefaultProcessLauncher live =
                new DefaultProcessLauncher(LauncherConfig.defaults().withSocketParent(base));
        DefaultProcessLauncher next =
                new DefaultProcessLauncher(LauncherConfig.defaults().withSocketParent(base));
        try {
            assertThat(stale).doesNotExist();
            assertThat(live.directory()).exists();
            assertThat(next.directory()).exists();
        } finally {
            live.close(Duration.ZERO);
            next.close(Duration.ZERO);
        }
    }

    @Test
    void aNewLauncherLeavesDirectoriesItCannotTellTheOwnerOf() throws Exception {
        Path foreign = Files.createDirectory(base.resolve("gipc-not-ours"));
        DefaultProcessLauncher next =
                new DefaultProcessLauncher(LauncherConfig.defaults().withSocketParent(base));
        try {
            assertThat(foreign).exists();
        } finally {
            next.close(Duration.ZERO);
        }
    }

    @Test
    void childrenThatDieBeforeConnectingLeaveNoControlTokenBehind() {
        DefaultProcessLauncher launcher = new DefaultProcessLauncher(LauncherConfig.defaults());
        try {
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(() -> launcher.start(
                                () -> {}, ChildOptions.named("no-start").withJvmArguments("-XX:+NoSuchGipcOption")))
                        .isInstanceOf(GipcException.class);
            }
            assertThat(launcher.pendingControlTokens()).isZero();
            assertThat(launcher.children()).isEmpty();
        } finally {
            launcher.close(Duration.ZERO);
        }
        assertThat(List.of(launcher.directory())).allSatisfy(d -> assertThat(d).doesNotExist());
    }
}
