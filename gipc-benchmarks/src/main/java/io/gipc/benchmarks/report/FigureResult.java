package io.gipc.benchmarks.report;

import io.gipc.benchmarks.Figure;
import io.gipc.benchmarks.Target;
import java.util.Locale;

/**
 * One figure's outcome: gipc-JVM's, the baseline's and the Python side's results, gipc-JVM's raw-codec figure of
 * the same run where this is a default-codec variant, and the ratios and verdict derived from them.
 *
 * @param figure the figure
 * @param gipc gipc-JVM's side
 * @param baseline the raw-JDK baseline ({@link SideResult#NONE} for figures without one)
 * @param python the Python side ({@link SideResult#NONE} for figures without one)
 * @param raw gipc-JVM's summary of {@link Figure#rawFigure()}, or {@code null}
 */
public record FigureResult(Figure figure, SideResult gipc, SideResult baseline, SideResult python, Summary raw) {

    /**
     * Returns gipc-JVM's median over the baseline's.
     *
     * @return the ratio, or NaN when either is missing
     */
    public double ratio() {
        return divide(gipc.median(), baseline.median());
    }

    /**
     * Returns gipc-JVM's median over the Python side's median of this run or, when that was not measured, over the
     * recorded gipc figure (see {@link #pythonRecorded()}).
     *
     * @return the ratio, or NaN when there is neither
     */
    public double pythonRatio() {
        if (python.summary() != null) {
            return divide(gipc.median(), python.median());
        }
        return figure.gipcPython() == null ? Double.NaN : divide(gipc.median(), figure.gipcPython());
    }

    /**
     * Tells whether {@link #pythonRatio()} is taken against the recorded figure rather than one of this run.
     *
     * @return whether it is
     */
    public boolean pythonRecorded() {
        return python.summary() == null && figure.gipcPython() != null;
    }

    /**
     * Returns gipc-JVM's median over its raw-codec figure's median of the same run.
     *
     * @return the ratio, or NaN when this is not a default-codec variant or either is missing
     */
    public double rawRatio() {
        return raw == null ? Double.NaN : divide(gipc.median(), raw.median());
    }

    /**
     * Tells whether gipc-JVM meets the figure's target.
     *
     * @return {@code null} when the figure has no target or gipc-JVM was not measured
     */
    public Boolean met() {
        Target target = figure.target();
        if (target == null || gipc.summary() == null) {
            return null;
        }
        return target.isMet(gipc.median(), targetRatio());
    }

    /**
     * Says whether the target is met and, for a ratio target, at what ratio: {@code "met (0.95x raw codec)"},
     * {@code "NOT MET (1.2x Python, recorded)"}.
     *
     * @return the verdict, or {@code "-"} when there is none
     */
    public String verdict() {
        Boolean met = met();
        if (met == null) {
            return "-";
        }
        Target target = figure.target();
        String word = met ? "met" : "NOT MET";
        if (target.against() == null) {
            return word;
        }
        double ratio = targetRatio();
        if (Double.isNaN(ratio)) {
            return word + " (no " + target.against().label() + " to compare with)";
        }
        boolean recorded = target.against() == Target.Against.PYTHON && pythonRecorded();
        return String.format(
                Locale.ROOT, "%s (%.2fx %s%s)", word, ratio, target.against().label(), recorded ? ", recorded" : "");
    }

    /**
     * Tells whether a measurement failed; a side that was not attempted on this machine is not a failure.
     *
     * @return whether any side has an error
     */
    public boolean failed() {
        return gipc.error() != null || baseline.error() != null || python.error() != null;
    }

    private double targetRatio() {
        return switch (figure.target().against()) {
            case BASELINE -> ratio();
            case PYTHON -> pythonRatio();
            case RAW -> rawRatio();
            case null -> Double.NaN;
        };
    }

    private static double divide(double numerator, double denominator) {
        return Double.isNaN(numerator) || Double.isNaN(denominator) || denominator == 0
                ? Double.NaN
                : numerator / denominator;
    }
}
