package io.gipc.internal;

import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** One daemon timer thread for the deadlines gipc enforces by closing what is late. */
public final class Timeouts {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gipc-timer");
        t.setDaemon(true);
        return t;
    });

    private Timeouts() {}

    /**
     * Closes {@code c} after the delay unless the returned future is cancelled first.
     *
     * @param c what to close
     * @param delay the delay
     * @param unit its unit
     * @return cancel it when the guarded work finished in time
     */
    public static Future<?> closeLater(Closeable c, long delay, TimeUnit unit) {
        return TIMER.schedule(
                () -> {
                    try {
                        c.close();
                    } catch (IOException e) {
                        // already closed
                    }
                },
                delay,
                unit);
    }
}
