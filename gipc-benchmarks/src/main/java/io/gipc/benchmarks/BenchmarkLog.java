package io.gipc.benchmarks;

import java.util.Locale;

/** Progress lines on stderr, so that stdout holds only the result table. */
public final class BenchmarkLog {

    private BenchmarkLog() {}

    /**
     * Prints one progress line.
     *
     * @param format a {@link String#format} pattern
     * @param arguments its arguments
     */
    public static void info(String format, Object... arguments) {
        System.err.println("[bench] " + String.format(Locale.ROOT, format, arguments));
    }

    /**
     * Formats a value for people: grouping for large numbers, a few significant digits for small ones.
     *
     * @param value the value
     * @return the text
     */
    public static String number(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (magnitude >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (magnitude >= 1) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
