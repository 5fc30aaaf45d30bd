package io.gipc.benchmarks.report;

import io.gipc.benchmarks.BenchmarkOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything one run of the suite produced.
 *
 * @param started when the run started
 * @param elapsed how long it took
 * @param machine where it ran
 * @param options its settings
 * @param results one entry per figure measured, in {@link io.gipc.benchmarks.Figure} order
 * @param python each Python side that was asked for: its interpreter and versions, or why it was not measured
 */
public record Report(
        Instant started,
        Duration elapsed,
        Machine machine,
        BenchmarkOptions options,
        List<FigureResult> results,
        Map<String, String> python) {

    /**
     * Tells whether any figure failed on any side (a Python side not measured on this machine is no failure).
     *
     * @return whether something failed
     */
    public boolean failed() {
        return results.stream().anyMatch(FigureResult::failed);
    }
}
