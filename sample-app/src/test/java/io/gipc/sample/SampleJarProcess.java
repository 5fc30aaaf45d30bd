package io.gipc.sample;

import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * The sample application's jar, running as a user runs it: {@code java -jar gipc-sample-app.jar ...}. Collects its
 * output (stdout and stderr, the children's included) line by line, so that tests wait for a line rather than
 * for time to pass. Closing it kills the application and every process it started.
 */
final class SampleJarProcess implements AutoCloseable {

    private static final Duration KILL_WAIT = Duration.ofSeconds(30);

    /**
     * A build started in the background of a non-interactive shell ignores SIGINT, and a JVM that inherits an ignored
     * SIGINT never sees Ctrl-C: the application is started with SIGINT back at its default, as in a terminal, where
     * coreutils' {@code env} can do that.
     */
    private static final List<String> RESET_SIGINT = resetSigint();

    private final Process process;

    private final List<String> lines = new ArrayList<>();

    private final ReentrantLock lock = new ReentrantLock();

    private final Condition changed = this.lock.newCondition();

    private boolean ended;

    private SampleJarProcess(Process process) {
        this.process = process;
        Thread.ofPlatform().daemon().name("sample-jar-output").start(this::collect);
    }

    /**
     * Starts the jar built by this module's package phase.
     *
     * @param args the application's arguments
     * @return the running application
     * @throws IOException when it cannot be started
     */
    static SampleJarProcess start(String... args) throws IOException {
        Path jar = Path.of(System.getProperty("sample.jar", "target/gipc-sample-app.jar"));
        if (!Files.isRegularFile(jar)) {
            fail("%s is missing: run the integration tests through `./mvnw verify`, after the package phase", jar);
        }
        String java = System.getProperty(
                "sample.java",
                Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(RESET_SIGINT);
        command.addAll(List.of(java, "-jar", jar.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        return new SampleJarProcess(process);
    }

    private static List<String> resetSigint() {
        List<String> prefix = List.of("env", "--default-signal=INT");
        try {
            List<String> probe = new ArrayList<>(prefix);
            probe.add("true");
            Process p = new ProcessBuilder(probe).redirectErrorStream(true).start();
            p.getInputStream().transferTo(OutputStream.nullOutputStream());
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? prefix : List.of();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    long pid() {
        return this.process.pid();
    }

    /**
     * Waits for a line of output.
     *
     * @param description what the line is, for the failure message
     * @param match selects the line
     * @param timeout how long to wait
     * @return the line
     */
    String awaitLine(String description, Predicate<String> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        this.lock.lock();
        try {
            int seen = 0;
            while (true) {
                for (; seen < this.lines.size(); seen++) {
                    if (match.test(this.lines.get(seen))) {
                        return this.lines.get(seen);
                    }
                }
                long left = deadline - System.nanoTime();
                if (this.ended || left <= 0) {
                    return fail(
                            "%s: no %s within %s; the output was:%n%s",
                            this.ended ? "the application ended" : "timed out", description, timeout, output());
                }
                this.changed.awaitNanos(left);
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return fail("interrupted while waiting for %s", description);
        } finally {
            this.lock.unlock();
        }
    }

    /**
     * Waits for the application's own startup message: pool workers in SPRING mode start the same application and
     * print the same message, tagged with their own pid.
     *
     * @param timeout how long to wait
     */
    void awaitStarted(Duration timeout) {
        String pid = " " + pid() + " --- ";
        awaitLine(
                "startup message of pid " + pid(),
                line -> line.contains("Started SampleApplication") && line.contains(pid),
                timeout);
    }

    /**
     * Waits for the application to exit and for its output to end. The output ends when the last process writing
     * to it, the application or one of its children, has exited: so this also checks that no child outlived it.
     *
     * @param timeout how long to wait for both
     * @return the application's exit code
     */
    int awaitExit(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                fail("the application did not exit within %s; the output was:%n%s", timeout, output());
            }
            this.lock.lock();
            try {
                while (!this.ended) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        fail(
                                "the application exited, but a child kept its output open for %s; the output was:%n%s",
                                timeout, output());
                    }
                    this.changed.awaitNanos(left);
                }
            } finally {
                this.lock.unlock();
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            fail("interrupted while waiting for the application to exit");
        }
        return this.process.exitValue();
    }

    /** Sends SIGINT, as Ctrl-C in a terminal does (to the application only, not to its children). */
    void interrupt() throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(this.process.pid()))
                .inheritIO()
                .start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            fail("could not send SIGINT to %d", this.process.pid());
        }
    }

    /** Sends SIGTERM, as a service manager does to stop a service. */
    void terminate() {
        this.process.destroy();
    }

    /**
     * Returns the output so far.
     *
     * @return the lines, joined
     */
    String output() {
        this.lock.lock();
        try {
            return String.join(System.lineSeparator(), this.lines);
        } finally {
            this.lock.unlock();
        }
    }

    /** Kills the application and every process it started that is still alive. */
    @Override
    public void close() {
        List<ProcessHandle> descendants = this.process.descendants().toList();
        this.process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        try {
            this.process.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            for (ProcessHandle child : descendants) {
                child.onExit().get(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (Exception ex) {
            throw new IllegalStateException("could not kill the sample application or its children", ex);
        }
    }

    private void collect() {
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                add(line);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } finally {
            this.lock.lock();
            try {
                this.ended = true;
                this.changed.signalAll();
            } finally {
                this.lock.unlock();
            }
        }
    }

    private void add(String line) {
        this.lock.lock();
        try {
            this.lines.add(line);
            this.changed.signalAll();
        } finally {
            this.lock.unlock();
        }
    }
}
