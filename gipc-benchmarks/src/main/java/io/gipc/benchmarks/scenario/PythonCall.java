package io.gipc.benchmarks.scenario;

import io.gipc.benchmarks.BenchmarkOptions;
import io.gipc.benchmarks.Figure;
import io.gipc.benchmarks.Samples;
import io.gipc.benchmarks.python.PythonResult;
import io.gipc.benchmarks.python.PythonRunner;
import io.gipc.benchmarks.python.PythonSide;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of a harness Python script, built up and then run with the suite's repetitions and warm-ups; its samples
 * are then filed under gipc-JVM's figures with {@link #record}. Not thread-safe; use once.
 */
final class PythonCall {

    private final PythonSide side;
    private final String script;
    private final List<String> arguments = new ArrayList<>();
    private int repetitions;
    private String prefix = "";

    private PythonCall(PythonSide side, String script) {
        this.side = side;
        this.script = script;
    }

    /** A gipc script ({@code --gipc}, an interpreter with gevent). */
    static PythonCall gipc(String script) {
        return new PythonCall(PythonSide.GIPC, script);
    }

    /** A ProcessPoolExecutor script (standard library only). */
    static PythonCall processPool(String script) {
        return new PythonCall(PythonSide.PPE, script);
    }

    /** Adds an option and its value. */
    PythonCall with(String option, Object value) {
        arguments.add(option);
        arguments.add(String.valueOf(value));
        return this;
    }

    /** Uses these repetitions instead of {@code --reps} (the large message has its own). */
    PythonCall repetitions(int count) {
        repetitions = count;
        return this;
    }

    /** Prefixes the parameters the script reports, to tell two runs of one scenario apart. */
    PythonCall prefixed(String parameterPrefix) {
        prefix = parameterPrefix;
        return this;
    }

    /** Runs the script and records its parameters. */
    PythonResult run(PythonRunner python, BenchmarkOptions options, Samples out) throws Exception {
        List<String> command = new ArrayList<>(arguments);
        command.addAll(List.of(
                "--reps",
                Integer.toString(repetitions > 0 ? repetitions : options.repetitions()),
                "--warmups",
                Integer.toString(options.warmups())));
        PythonResult result = python.run(side, script, command);
        result.parameters().forEach((name, value) -> out.parameter(prefix + name, value));
        return result;
    }

    /** Adds every sample of one name to each of the figures. */
    static void record(PythonResult result, String name, Samples out, Figure... figures) {
        for (double value : result.samples(name)) {
            for (Figure figure : figures) {
                out.add(figure, value);
            }
        }
    }
}
