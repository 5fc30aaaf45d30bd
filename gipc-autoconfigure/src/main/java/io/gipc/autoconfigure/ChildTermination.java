package io.gipc.autoconfigure;

import io.gipc.GipcProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Ends child processes the way a service manager does: SIGTERM to every child and every descendant, wait for all of
 * them up to a timeout, then SIGKILL whatever is left.
 *
 * <p>Descendants are collected before any signal is sent, because a descendant whose parent has exited is
 * re-parented and can no longer be found from the child.
 */
final class ChildTermination {

    /** How long to wait for the exits that SIGKILL causes; the kernel needs very little. */
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);

    private static final Log logger = LogFactory.getLog(ChildTermination.class);

    private ChildTermination() {}

    /**
     * Terminates the children and their descendants, waiting at most {@code timeout} before killing them.
     *
     * @param children the children to end
     * @param timeout how long to wait after SIGTERM
     */
    static void terminateAll(List<GipcProcess> children, Duration timeout) {
        List<GipcProcess> live = children.stream().filter(GipcProcess::isAlive).toList();
        if (live.isEmpty()) {
            return;
        }
        List<ProcessHandle> descendants = new ArrayList<>();
        for (GipcProcess child : live) {
            ProcessHandle.of(child.pid())
                    .ifPresent(handle -> handle.descendants().forEach(descendants::add));
        }
        List<CompletableFuture<?>> exits = new ArrayList<>();
        for (GipcProcess child : live) {
            exits.add(child.onExit());
            quietly(child::terminate, child);
        }
        for (ProcessHandle descendant : descendants) {
            exits.add(descendant.onExit());
            descendant.destroy();
        }
        if (await(exits, timeout)) {
            return;
        }
        logger.warn("gipc: " + live.stream().filter(GipcProcess::isAlive).count()
                + " child process(es) still running " + timeout.toMillis() + " ms after SIGTERM"
                + " (gipc.shutdown.timeout); sending SIGKILL");
        for (GipcProcess child : live) {
            if (child.isAlive()) {
                quietly(child::kill, child);
            }
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        if (!await(exits, KILL_WAIT)) {
            logger.warn(
                    "gipc: child processes did not report their exit " + KILL_WAIT.toMillis() + " ms after SIGKILL");
        }
    }

    private static boolean await(List<CompletableFuture<?>> exits, Duration timeout) {
        try {
            CompletableFuture.allOf(exits.toArray(CompletableFuture[]::new))
                    .get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException ex) {
            return false;
        } catch (ExecutionException ex) {
            // A child whose exit future failed is no longer ours to wait for.
            return exits.stream().allMatch(CompletableFuture::isDone);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void quietly(Runnable signal, GipcProcess child) {
        try {
            signal.run();
        } catch (RuntimeException ex) {
            logger.debug("gipc: could not signal child " + child.name() + " (pid " + child.pid() + ")", ex);
        }
    }
}
