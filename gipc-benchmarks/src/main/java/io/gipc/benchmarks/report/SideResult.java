package io.gipc.benchmarks.report;

import java.util.List;
import java.util.Map;

/**
 * What one side (gipc-JVM, the baseline or the Python side) gave for one figure: a summary, or why there is none.
 *
 * @param summary the median and spread, or {@code null}
 * @param error why the measurement failed, or {@code null}
 * @param notMeasured why it was not attempted on this machine (not a failure), or {@code null}
 * @param parameters what the side's run chose (message counts, sizes, versions)
 */
public record SideResult(Summary summary, String error, String notMeasured, Map<String, Object> parameters) {

    /** A side that does not exist for the figure. */
    public static final SideResult NONE = new SideResult(null, null, null, Map.of());

    /**
     * Summarizes a side's samples.
     *
     * @param samples the samples, possibly none
     * @param error the side's failure, or {@code null}
     * @param notMeasured why the side was not attempted, or {@code null}
     * @param parameters the side's parameters
     * @return the result; without samples and without a reason, its error says that none were recorded
     */
    public static SideResult of(
            List<Double> samples, String error, String notMeasured, Map<String, Object> parameters) {
        Summary summary = Summary.of(samples);
        if (summary != null) {
            return new SideResult(summary, null, null, parameters);
        }
        return new SideResult(
                null, error == null && notMeasured == null ? "no samples recorded" : error, notMeasured, parameters);
    }

    /**
     * Returns the median.
     *
     * @return the median, or NaN when there is no summary
     */
    public double median() {
        return summary == null ? Double.NaN : summary.median();
    }
}
