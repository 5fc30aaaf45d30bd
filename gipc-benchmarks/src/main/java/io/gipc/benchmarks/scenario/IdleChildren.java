package io.gipc.benchmarks.scenario;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Waits until the JVMs a launcher keeps started ahead have been idle for a while, judged from outside: every live
 * child process of this JVM has used less than {@link #BUSY_CPU} of CPU time over the last idle period. The
 * operating system offers no event for "went idle", so this samples each child's CPU time every
 * {@link #POLL}, with a deadline.
 */
final class IdleChildren {

    /** Less CPU than this over the idle period counts as idle (a warming JVM uses a core, 1 s per second). */
    static final Duration BUSY_CPU = Duration.ofMillis(30);

    private static final Duration POLL = Duration.ofMillis(50);
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private IdleChildren() {}

    /**
     * Returns once at least {@code atLeast} children are alive and each has been idle for {@code idle}.
     *
     * @param atLeast how many children must be there (the pool's size)
     * @param idle how long they must have been idle; zero waits only for them to exist
     * @return how long the wait took
     * @throws IllegalStateException when that does not happen within 60 s
     * @throws InterruptedException when interrupted
     */
    static Duration await(int atLeast, Duration idle) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + DEADLINE.toNanos();
        // pid -> CPU nanoseconds at the time the idle window started; that time, per pid
        Map<Long, long[]> windows = new HashMap<>();
        while (System.nanoTime() < deadline) {
            List<ProcessHandle> children = ProcessHandle.current()
                    .children()
                    .filter(ProcessHandle::isAlive)
                    .toList();
            long now = System.nanoTime();
            boolean allIdle = children.size() >= atLeast;
            windows.keySet().retainAll(children.stream().map(ProcessHandle::pid).toList());
            for (ProcessHandle child : children) {
                long cpu =
                        child.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
                long[] window = windows.get(child.pid());
                if (window == null || cpu - window[0] >= BUSY_CPU.toNanos()) {
                    window = new long[] {cpu, now};
                    windows.put(child.pid(), window);
                }
                allIdle &= now - window[1] >= idle.toNanos();
            }
            if (allIdle) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            Thread.sleep(POLL);
        }
        throw new IllegalStateException(
                "the launcher's pre-started JVMs were not " + atLeast + " idle children within " + DEADLINE);
    }
}
