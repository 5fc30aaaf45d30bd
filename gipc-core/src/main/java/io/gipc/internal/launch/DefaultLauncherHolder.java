package io.gipc.internal.launch;

import io.gipc.LauncherConfig;
import io.gipc.ProcessLauncher;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

/** Holds the JVM's default launcher, created on first use and closed when the JVM exits. */
public final class DefaultLauncherHolder {

    private static final ReentrantLock LOCK = new ReentrantLock();
    private static DefaultProcessLauncher instance;

    private DefaultLauncherHolder() {}

    /**
     * Returns the default launcher.
     *
     * @return the launcher
     */
    public static ProcessLauncher get() {
        LOCK.lock();
        try {
            if (instance == null) {
                DefaultProcessLauncher launcher = new DefaultProcessLauncher(LauncherConfig.defaults());
                Runtime.getRuntime()
                        .addShutdownHook(new Thread(() -> launcher.close(Duration.ofSeconds(2)), "gipc-shutdown"));
                instance = launcher;
            }
            return instance;
        } finally {
            LOCK.unlock();
        }
    }
}
