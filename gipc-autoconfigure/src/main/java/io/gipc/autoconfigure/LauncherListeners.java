package io.gipc.autoconfigure;

import io.gipc.GipcException;
import io.gipc.GipcProcess;
import io.gipc.LauncherListener;
import io.gipc.PipeTraffic;
import io.gipc.TaskOutcome;
import io.gipc.WorkerPool;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A {@link LauncherListener} that tells every listener added to it, in order, isolating their failures: one that
 * throws is logged and the others are still told.
 */
final class LauncherListeners implements LauncherListener {

    private static final Log logger = LogFactory.getLog(LauncherListeners.class);

    private final List<LauncherListener> listeners = new CopyOnWriteArrayList<>();

    LauncherListeners(List<? extends LauncherListener> listeners) {
        listeners.forEach(this::add);
    }

    void add(LauncherListener listener) {
        this.listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void childStarted(GipcProcess process, Duration startLatency) {
        each(listener -> listener.childStarted(process, startLatency));
    }

    @Override
    public void childExited(GipcProcess process) {
        each(listener -> listener.childExited(process));
    }

    @Override
    public void childFailedToStart(String name, GipcException failure) {
        each(listener -> listener.childFailedToStart(name, failure));
    }

    @Override
    public void pipeCreated(PipeTraffic pipe) {
        each(listener -> listener.pipeCreated(pipe));
    }

    @Override
    public void pipeClosed(PipeTraffic pipe) {
        each(listener -> listener.pipeClosed(pipe));
    }

    @Override
    public void poolCreated(WorkerPool pool) {
        each(listener -> listener.poolCreated(pool));
    }

    @Override
    public void poolTaskFinished(WorkerPool pool, TaskOutcome outcome, Duration duration) {
        each(listener -> listener.poolTaskFinished(pool, outcome, duration));
    }

    @Override
    public void poolClosed(WorkerPool pool) {
        each(listener -> listener.poolClosed(pool));
    }

    private void each(Consumer<LauncherListener> call) {
        for (LauncherListener listener : this.listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException ex) {
                logger.warn("gipc: a LauncherListener failed", ex);
            }
        }
    }
}
