package io.gipc.benchmarks.python;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs one Python process to its end, with a deadline: collects its stdout lines, passes its stderr through to
 * ours (progress) and keeps the last stderr lines for error messages. A process still running at the deadline is
 * killed with every descendant (gipc's children, ProcessPoolExecutor's workers).
 */
final class PythonProcess {

    private static final int STDERR_TAIL = 6;

    private PythonProcess() {}

    /**
     * What a finished process left.
     *
     * @param exitCode its exit status
     * @param stdout its stdout, one entry a line
     * @param stderrTail its last few stderr lines, joined
     */
    record Output(int exitCode, List<String> stdout, String stderrTail) {}

    static Output run(List<String> command, Map<String, String> environment, Duration timeout, boolean echoStderr)
            throws IOException, InterruptedException {
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        environment.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        Process process = builder.start();
        List<String> stdout = new CopyOnWriteArrayList<>();
        Deque<String> tail = new ConcurrentLinkedDeque<>();
        Thread out = drain(process.getInputStream(), stdout::add);
        Thread err = drain(process.getErrorStream(), line -> {
            if (echoStderr) {
                System.err.println(line);
            }
            tail.addLast(line);
            if (tail.size() > STDERR_TAIL) {
                tail.pollFirst();
            }
        });
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor();
            throw new IOException(command.get(0) + " did not finish within " + timeout + "; killed it");
        }
        out.join();
        err.join();
        return new Output(process.exitValue(), List.copyOf(stdout), String.join(" | ", tail));
    }

    private static Thread drain(InputStream stream, Consumer<String> lines) {
        return Thread.ofPlatform().daemon().name("bench-python-output").start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines.accept(line);
                }
            } catch (IOException e) {
                lines.accept("(output lost: " + e + ")");
            }
        });
    }
}
