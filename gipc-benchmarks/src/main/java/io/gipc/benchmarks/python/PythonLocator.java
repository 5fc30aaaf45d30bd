package io.gipc.benchmarks.python;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the interpreters of the two Python sides: for gipc, the first of {@code --python} (or else {@code python3}
 * on {@code PATH}, then {@code /usr/bin/python3}) that can import gevent and the gipc of the {@code --gipc}
 * checkout; for ProcessPoolExecutor, the first of the same candidates that runs at all (standard library only).
 */
public final class PythonLocator {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);
    private static final List<String> DEFAULT_CANDIDATES = List.of("python3", "/usr/bin/python3");
    private static final String GIPC_PROBE = "import sys, gevent, gipc; print('Python %s, gevent %s, gipc %s from %s'"
            + " % (sys.version.split()[0], gevent.__version__, getattr(gipc, '__version__', '?'), gipc.__file__))";
    private static final String STANDARD_PROBE = "import sys, multiprocessing, concurrent.futures;"
            + " print('Python %s, start method %s' % (sys.version.split()[0], multiprocessing.get_start_method()))";

    private PythonLocator() {}

    /**
     * Finds the interpreter for the gipc side.
     *
     * @param gipcCheckout the {@code --gipc} directory, or {@code null}
     * @param python the {@code --python} executable, or {@code null} to auto-detect
     * @return the interpreter
     * @throws PythonUnavailableException when there is none, saying why
     */
    public static Interpreter forGipc(Path gipcCheckout, String python) {
        if (gipcCheckout == null) {
            throw new PythonUnavailableException("no --gipc DIR (a gipc source checkout) given");
        }
        Path checkout = gipcCheckout.toAbsolutePath().normalize();
        if (!Files.isRegularFile(checkout.resolve("gipc").resolve("__init__.py"))) {
            throw new PythonUnavailableException("--gipc " + gipcCheckout + " holds no gipc/__init__.py");
        }
        Map<String, String> environment = new HashMap<>(baseEnvironment());
        environment.put("PYTHONPATH", checkout.toString());
        return probe(candidates(python), environment, GIPC_PROBE, "import gevent and gipc");
    }

    /**
     * Finds the interpreter for the ProcessPoolExecutor side.
     *
     * @param python the {@code --python} executable, or {@code null} to auto-detect
     * @return the interpreter
     * @throws PythonUnavailableException when there is none, saying why
     */
    public static Interpreter forStandardLibrary(String python) {
        Map<String, String> environment = new HashMap<>(baseEnvironment());
        environment.put("PYTHONPATH", null);
        return probe(candidates(python), environment, STANDARD_PROBE, "run concurrent.futures");
    }

    private static Map<String, String> baseEnvironment() {
        // Leave the gipc checkout as it was (no __pycache__) and let progress lines through at once.
        return Map.of("PYTHONDONTWRITEBYTECODE", "1", "PYTHONUNBUFFERED", "1");
    }

    private static List<String> candidates(String python) {
        Set<String> candidates = new LinkedHashSet<>();
        if (python != null) {
            candidates.add(python);
        } else {
            candidates.addAll(DEFAULT_CANDIDATES);
        }
        return new ArrayList<>(candidates);
    }

    private static Interpreter probe(
            List<String> candidates, Map<String, String> environment, String code, String needed) {
        List<String> failures = new ArrayList<>();
        for (String executable : candidates) {
            try {
                PythonProcess.Output output =
                        PythonProcess.run(List.of(executable, "-c", code), environment, PROBE_TIMEOUT, false);
                if (output.exitCode() == 0 && !output.stdout().isEmpty()) {
                    return new Interpreter(executable, output.stdout().get(0), environment);
                }
                failures.add(executable + ": " + lastLine(output.stderrTail()));
            } catch (IOException e) {
                failures.add(executable + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PythonUnavailableException("interrupted while probing " + executable);
            }
        }
        throw new PythonUnavailableException("no Python that can " + needed + " (" + String.join("; ", failures) + ")");
    }

    private static String lastLine(String tail) {
        int cut = tail.lastIndexOf(" | ");
        return cut < 0 ? tail : tail.substring(cut + 3);
    }
}
