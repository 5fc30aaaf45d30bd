package io.gipc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SmokeTests {

    @RegisterExtension
    final LauncherExtension ext = new LauncherExtension();

    @Test
    void messagesFlowInProcess() {
        ProcessLauncher launcher = ext.launcher();
        Pipe<String> p = launcher.pipe();
        p.writer().put("hello");
        p.writer().put(null);
        assertThat(p.reader().get()).isEqualTo("hello");
        assertThat(p.reader().get(Duration.ofSeconds(5))).isNull();
        p.close();
    }

    @Test
    void childReadsAndAnswers() {
        ProcessLauncher launcher = ext.launcher();
        Pipe<String> toChild = launcher.pipe();
        Pipe<String> fromChild = launcher.pipe();
        var r = toChild.reader();
        var w = fromChild.writer();
        GipcProcess child = launcher.start(() -> {
            String s = r.get();
            w.put(s.toUpperCase());
        });
        toChild.writer().put("ping");
        assertThat(fromChild.reader().get(Duration.ofSeconds(20))).isEqualTo("PING");
        assertThat(child.join(Duration.ofSeconds(20))).isTrue();
        assertThat(child.exitCode()).hasValue(0);
    }
}
