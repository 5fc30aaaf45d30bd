package io.gipc.benchmarks.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The median and spread of one figure's repetitions.
 *
 * @param median the median (the mean of the middle two for an even count)
 * @param min the smallest sample
 * @param max the largest sample
 * @param samples the samples in measurement order
 */
public record Summary(double median, double min, double max, List<Double> samples) {

    /**
     * Summarizes samples.
     *
     * @param samples the samples
     * @return the summary, or {@code null} when there are none
     */
    public static Summary of(List<Double> samples) {
        if (samples.isEmpty()) {
            return null;
        }
        List<Double> sorted = new ArrayList<>(samples);
        sorted.sort(null);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Summary(median, sorted.get(0), sorted.get(n - 1), List.copyOf(samples));
    }
}
