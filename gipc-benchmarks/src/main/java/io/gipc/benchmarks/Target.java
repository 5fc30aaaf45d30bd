package io.gipc.benchmarks;

/**
 * A figure's target: an optional threshold on gipc-JVM's median and an optional bound on the ratio of that median
 * to a comparison measured in the same run (the baseline, the Python side, or the raw-codec figure).
 *
 * @param text how the target is stated
 * @param threshold the limit in the figure's unit, or NaN when there is none
 * @param atLeast whether the median must be at least (rather than at most) the threshold
 * @param against what the ratio is taken against, or {@code null} when there is no ratio bound
 * @param ratio the bound on gipc-JVM's median over the comparison's
 * @param ratioAtLeast whether the ratio must be at least (rather than at most) the bound
 */
public record Target(
        String text, double threshold, boolean atLeast, Against against, double ratio, boolean ratioAtLeast) {

    static Target atLeast(double threshold, String text) {
        return new Target(text, threshold, true, null, Double.NaN, true);
    }

    static Target atMost(double threshold, String text) {
        return new Target(text, threshold, false, null, Double.NaN, true);
    }

    static Target ratioAtLeast(Against against, double ratio, String text) {
        return new Target(text, Double.NaN, true, against, ratio, true);
    }

    static Target ratioAtMost(Against against, double ratio, String text) {
        return new Target(text, Double.NaN, true, against, ratio, false);
    }

    Target andRatioAtLeast(Against comparison, double bound) {
        return new Target(text, threshold, atLeast, comparison, bound, true);
    }

    /**
     * Tells whether a measurement meets the target.
     *
     * @param median gipc-JVM's median
     * @param measuredRatio that median over the comparison's, or NaN when the comparison is missing
     * @return whether it is met; {@code false} when a ratio bound cannot be checked
     */
    public boolean isMet(double median, double measuredRatio) {
        boolean met = Double.isNaN(threshold) || (atLeast ? median >= threshold : median <= threshold);
        if (against != null) {
            met = met
                    && !Double.isNaN(measuredRatio)
                    && (ratioAtLeast ? measuredRatio >= ratio : measuredRatio <= ratio);
        }
        return met;
    }

    /** What a target's ratio is taken against. */
    public enum Against {
        /** The raw-JDK Unix-socket baseline of the same run. */
        BASELINE("baseline"),
        /** The figure's Python side (gipc or ProcessPoolExecutor) of the same run, else its recorded figure. */
        PYTHON("Python"),
        /** gipc-JVM's own raw-codec figure of the same run ({@link Figure#rawFigure()}). */
        RAW("raw codec");

        private final String label;

        Against(String label) {
            this.label = label;
        }

        /**
         * Returns the name used in verdicts.
         *
         * @return the label
         */
        public String label() {
            return label;
        }
    }
}
