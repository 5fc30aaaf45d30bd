package io.gipc.benchmarks.report;

import io.gipc.benchmarks.Figure;
import java.util.Map;

/**
 * One figure's outcome: gipc's and the baseline's summaries (or why one is missing) and the parameters used.
 *
 * @param figure the figure
 * @param gipc gipc's summary, or {@code null}
 * @param baseline the baseline's summary, or {@code null}
 * @param gipcError why gipc has no summary, or {@code null}
 * @param baselineError why the baseline has no summary, or {@code null}
 * @param gipcParameters what gipc's run chose (message counts, sizes)
 * @param baselineParameters what the baseline's run chose
 */
public record FigureResult(
        Figure figure,
        Summary gipc,
        Summary baseline,
        String gipcError,
        String baselineError,
        Map<String, Object> gipcParameters,
        Map<String, Object> baselineParameters) {

    /**
     * Returns gipc's median over the baseline's.
     *
     * @return the ratio, or NaN when either is missing
     */
    public double ratio() {
        if (gipc == null || baseline == null || baseline.median() == 0) {
            return Double.NaN;
        }
        return gipc.median() / baseline.median();
    }

    /**
     * Tells whether gipc meets the figure's target.
     *
     * @return {@code null} when the figure has no target or gipc was not measured
     */
    public Boolean met() {
        if (figure.target() == null || gipc == null) {
            return null;
        }
        return figure.target().isMet(gipc.median(), ratio());
    }

    /**
     * Tells whether something failed.
     *
     * @return whether either side has an error
     */
    public boolean failed() {
        return gipcError != null || baselineError != null;
    }
}
