package io.gipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A child that cannot start leaves the handles its task captured where they were: nothing in the pipe is lost,
 * the writer still writes, the reader sees no end of stream.
 */
class FailedStartTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    final LauncherExtension ext = new LauncherExtension();

    static Stream<ChildOptions> optionsThatCannotStart() {
        return Stream.of(
                ChildOptions.named("bad-jvm-option").withJvmArguments("-XX:+NoSuchGipcOption"),
                ChildOptions.named("heap-too-small").withJvmArguments("-Xmx1k"),
                ChildOptions.named("bad-env-name").withEnvironment("A=B", "x"),
                ChildOptions.named("nul-in-env").withEnvironment("GIPC_TEST", "a\u0000b"));
    }

    @ParameterizedTest
    @MethodSource("optionsThatCannotStart")
    void aChildThatCannotStartLeavesItsReaderAndWriterWhereTheyWere(ChildOptions options) {
        ProcessLauncher launcher = ext.launcher();
        Pipe<String> p = launcher.pipe();
        p.writer().put("in the pipe before");
        var r = p.reader();
        var w = p.writer();
        assertThatThrownBy(() -> launcher.start(
                        () -> {
                            w.put("from the child");
                            r.get();
                        },
                        options))
                .isInstanceOf(RuntimeException.class)
                .hasMessageContaining(options.name());
        assertThat(p.reader().get(WAIT)).isEqualTo("in the pipe before");
        p.writer().put("after the failed start");
        assertThat(p.reader().get(WAIT)).isEqualTo("after the failed start");
        assertThatThrownBy(() -> p.reader().get(Duration.ofMillis(200))).isInstanceOf(GipcTimeoutException.class);
        assertThat(launcher.children()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("optionsThatCannotStart")
    void aChildThatCannotStartLeavesAWholeDuplexPipeUsable(ChildOptions options) {
        ProcessLauncher launcher = ext.launcher();
        DuplexPipe<String> d = launcher.duplexPipe();
        d.first().put("before");
        assertThatThrownBy(() -> launcher.start(() -> d.second().get(), options))
                .isInstanceOf(RuntimeException.class);
        assertThat(d.second().get(WAIT)).isEqualTo("before");
        d.second().put("back");
        assertThat(d.first().get(WAIT)).isEqualTo("back");
    }
}
