package io.gipc.benchmarks.python;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the harness's Python scripts for the same-run comparisons. Each side's interpreter is looked for once, on
 * first use ({@link PythonLocator}); a side without one throws {@link PythonUnavailableException} on every use, so
 * that its figures are reported as not measured instead of failing the run. Used from one thread; {@link #close()}
 * removes the scripts' temporary directory.
 */
public final class PythonRunner implements AutoCloseable {

    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(20);

    private final Path gipcCheckout;
    private final String python;
    private final PythonScripts scripts = new PythonScripts();
    private final Map<PythonSide, Located> interpreters = new EnumMap<>(PythonSide.class);

    /**
     * Creates a runner; nothing is probed yet.
     *
     * @param gipcCheckout the {@code --gipc} directory, or {@code null} (no gipc side)
     * @param python the {@code --python} executable, or {@code null} to auto-detect
     */
    public PythonRunner(Path gipcCheckout, String python) {
        this.gipcCheckout = gipcCheckout;
        this.python = python;
    }

    /**
     * Runs a script and reads what it reported.
     *
     * @param side which interpreter it needs
     * @param script the script's name, for example {@code gipc_throughput.py}
     * @param arguments its arguments
     * @return its samples and parameters
     * @throws PythonUnavailableException when the side has no interpreter here
     * @throws IOException when the script fails, exits non-zero or times out
     * @throws InterruptedException when interrupted while it runs
     */
    public PythonResult run(PythonSide side, String script, List<String> arguments)
            throws IOException, InterruptedException {
        Interpreter interpreter = interpreter(side);
        List<String> command = new ArrayList<>();
        command.add(interpreter.executable());
        command.add(scripts.path(script).toString());
        command.addAll(arguments);
        PythonProcess.Output output = PythonProcess.run(command, interpreter.environment(), SCRIPT_TIMEOUT, true);
        if (output.exitCode() != 0) {
            throw new IOException(script + " exited with " + output.exitCode() + ": " + output.stderrTail());
        }
        return PythonResult.parse(output.stdout());
    }

    /**
     * Describes each side as far as it was used: the interpreter and versions, or why it was not measured.
     *
     * @return side label to description; sides never asked for are absent
     */
    public Map<String, String> describe() {
        Map<String, String> described = new LinkedHashMap<>();
        interpreters.forEach((side, found) -> described.put(
                side.label(),
                found.interpreter() != null
                        ? found.interpreter().executable() + ": "
                                + found.interpreter().description()
                        : "not measured: " + found.reason()));
        return described;
    }

    private Interpreter interpreter(PythonSide side) {
        Located found = interpreters.computeIfAbsent(side, this::locate);
        if (found.interpreter() == null) {
            throw new PythonUnavailableException(found.reason());
        }
        return found.interpreter();
    }

    private Located locate(PythonSide side) {
        try {
            return new Located(
                    side == PythonSide.GIPC
                            ? PythonLocator.forGipc(gipcCheckout, python)
                            : PythonLocator.forStandardLibrary(python),
                    null);
        } catch (PythonUnavailableException e) {
            return new Located(null, e.getMessage());
        }
    }

    /** An interpreter, or why there is none. */
    private record Located(Interpreter interpreter, String reason) {}

    @Override
    public void close() throws IOException {
        scripts.close();
    }
}
