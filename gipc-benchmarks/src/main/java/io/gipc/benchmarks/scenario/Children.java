package io.gipc.benchmarks.scenario;

import io.gipc.GipcProcess;
import java.time.Duration;

/** Waiting for gipc children, with a deadline, and checking that they succeeded. */
final class Children {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(60);
    static final Duration EXIT_TIMEOUT = Duration.ofSeconds(60);

    private Children() {}

    static void join(GipcProcess child) {
        if (!child.join(EXIT_TIMEOUT)) {
            child.kill();
            throw new IllegalStateException("gipc child " + child.name() + " (pid " + child.pid()
                    + ") did not exit within " + EXIT_TIMEOUT + "; killed it");
        }
        int code = child.exitCode().orElseThrow();
        if (code != 0) {
            throw new IllegalStateException(
                    "gipc child " + child.name() + " (pid " + child.pid() + ") exited with " + code);
        }
    }
}
