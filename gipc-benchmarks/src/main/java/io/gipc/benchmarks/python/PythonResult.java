package io.gipc.benchmarks.python;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one Python script reported: its {@code sample NAME VALUE} lines (one per repetition) and its
 * {@code param NAME VALUE} lines.
 *
 * @param samples name to the values in reporting order
 * @param parameters name to value (numbers as {@link Long} or {@link Double} where they parse, else text)
 */
public record PythonResult(Map<String, List<Double>> samples, Map<String, Object> parameters) {

    static PythonResult parse(List<String> lines) {
        Map<String, List<Double>> samples = new LinkedHashMap<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (String line : lines) {
            String[] parts = line.split(" ", 3);
            if (parts.length == 3 && parts[0].equals("sample")) {
                samples.computeIfAbsent(parts[1], name -> new ArrayList<>()).add(Double.parseDouble(parts[2]));
            } else if (parts.length == 3 && parts[0].equals("param")) {
                parameters.put(parts[1], value(parts[2]));
            }
        }
        return new PythonResult(samples, parameters);
    }

    /**
     * Returns the samples of one name.
     *
     * @param name as the script printed it
     * @return the values
     * @throws IllegalStateException when the script reported none
     */
    public List<Double> samples(String name) {
        List<Double> values = samples.get(name);
        if (values == null || values.isEmpty()) {
            throw new IllegalStateException("the Python script reported no '" + name + "' samples");
        }
        return values;
    }

    private static Object value(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException notLong) {
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException notNumber) {
                return text;
            }
        }
    }
}
