package io.gipc;

import io.gipc.internal.launch.DefaultProcessLauncher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives a test its own launcher and, after the test (passed or failed), kills every child it started and
 * removes its directory.
 */
final class LauncherExtension implements AfterEachCallback {

    private final List<DefaultProcessLauncher> launchers = new ArrayList<>();

    ProcessLauncher launcher() {
        return launcher(LauncherConfig.defaults());
    }

    ProcessLauncher launcher(LauncherConfig config) {
        DefaultProcessLauncher l = new DefaultProcessLauncher(config);
        launchers.add(l);
        return l;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        for (DefaultProcessLauncher l : launchers) {
            l.children().forEach(GipcProcess::kill);
            l.close(Duration.ZERO);
        }
        launchers.clear();
    }
}
