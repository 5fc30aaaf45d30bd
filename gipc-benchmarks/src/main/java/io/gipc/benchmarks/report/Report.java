package io.gipc.benchmarks.report;

import io.gipc.benchmarks.BenchmarkOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Everything one run of the suite produced.
 *
 * @param started when the run started
 * @param elapsed how long it took
 * @param machine where it ran
 * @param options its settings
 * @param results one entry per figure measured, in {@link io.gipc.benchmarks.Figure} order
 */
public record Report(
        Instant started, Duration elapsed, Machine machine, BenchmarkOptions options, List<FigureResult> results) {

    /**
     * Tells whether any figure failed on either side.
     *
     * @return whether something failed
     */
    public boolean failed() {
        return results.stream().anyMatch(FigureResult::failed);
    }
}
