package io.gipc.benchmarks.scenario;

import io.gipc.benchmarks.BenchmarkOptions;
import io.gipc.benchmarks.Figure;
import io.gipc.benchmarks.Samples;
import io.gipc.benchmarks.python.PythonResult;
import io.gipc.benchmarks.python.PythonRunner;
import io.gipc.benchmarks.python.PythonSide;
import java.util.ArrayList;
import java.util.List;

/** Runs one Python script with the suite's repetitions and files its samples under gipc-JVM's figures. */
final class PythonCalls {

    private PythonCalls() {}

    /**
     * Runs a script with {@code --reps} and {@code --warmups} of these options (the large-message figure passes its
     * own repetitions) and records its parameters, each prefixed.
     */
    static PythonResult run(
            PythonRunner python,
            PythonSide side,
            String script,
            int repetitions,
            BenchmarkOptions options,
            Samples out,
            String prefix,
            String... arguments)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(arguments));
        command.addAll(
                List.of("--reps", Integer.toString(repetitions), "--warmups", Integer.toString(options.warmups())));
        PythonResult result = python.run(side, script, command);
        result.parameters().forEach((name, value) -> out.parameter(prefix + name, value));
        return result;
    }

    /** Adds every sample of one name to a figure. */
    static void record(PythonResult result, String name, Samples out, Figure... figures) {
        for (double value : result.samples(name)) {
            for (Figure figure : figures) {
                out.add(figure, value);
            }
        }
    }
}
