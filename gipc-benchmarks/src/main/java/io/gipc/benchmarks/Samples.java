package io.gipc.benchmarks;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one side (gipc or the baseline) of one scenario measured: samples per figure and the parameters it chose
 * (message counts, sizes). Used from one thread.
 */
public final class Samples {

    private final Map<Figure, List<Double>> values = new EnumMap<>(Figure.class);
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    /**
     * Adds one repetition's value.
     *
     * @param figure the figure
     * @param value the value in the figure's unit
     */
    public void add(Figure figure, double value) {
        values.computeIfAbsent(figure, f -> new ArrayList<>()).add(value);
        BenchmarkLog.info("  %s: %s %s", figure.id(), BenchmarkLog.number(value), figure.unit());
    }

    /**
     * Records a parameter the scenario chose.
     *
     * @param name the parameter
     * @param value its value
     */
    public void parameter(String name, Object value) {
        parameters.put(name, value);
    }

    /**
     * Returns the samples of one figure.
     *
     * @param figure the figure
     * @return the samples, empty when none
     */
    public List<Double> of(Figure figure) {
        return values.getOrDefault(figure, List.of());
    }

    /**
     * Returns the parameters.
     *
     * @return name to value, in recording order
     */
    public Map<String, Object> parameters() {
        return parameters;
    }
}
