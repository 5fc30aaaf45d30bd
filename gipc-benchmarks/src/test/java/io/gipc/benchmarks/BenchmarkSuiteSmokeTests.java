package io.gipc.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.gipc.benchmarks.report.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the whole suite in {@code --smoke} mode so that the harness cannot rot. Benchmarks are not tests: nothing
 * here looks at a timing, only at whether every figure was measured on both sides and written out.
 */
class BenchmarkSuiteSmokeTests {

    @TempDir
    Path out;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    @SuppressWarnings("unchecked")
    void smokeRunMeasuresEveryFigureOnBothSidesAndWritesThem() throws Exception {
        Report report = BenchmarkMain.run(BenchmarkOptions.parse("--smoke", "--out", out.toString()));

        Map<String, Object> json =
                (Map<String, Object>) MinimalJson.parse(Files.readString(out.resolve("benchmarks.json")));
        List<Map<String, Object>> figures = (List<Map<String, Object>>) json.get("figures");
        assertThat(figures)
                .extracting(figure -> figure.get("id"))
                .containsExactlyElementsOf(
                        Arrays.stream(Figure.values()).map(Figure::id).toList());
        for (Map<String, Object> figure : figures) {
            assertThat(figure.get("gipcError"))
                    .as("gipc error of %s", figure.get("id"))
                    .isNull();
            assertThat(figure.get("baselineError"))
                    .as("baseline error of %s", figure.get("id"))
                    .isNull();
            for (String side : List.of("gipc", "baseline")) {
                Map<String, Object> summary = (Map<String, Object>) figure.get(side);
                assertThat(summary).as("%s of %s", side, figure.get("id")).isNotNull();
                assertThat(summary).containsKeys("median", "min", "max", "samples");
                assertThat(summary.get("median")).isInstanceOf(Double.class);
            }
        }
        assertThat(json).containsKeys("machine", "options");
        assertThat(report.failed()).isFalse();
        assertThat(Files.readString(out.resolve("benchmarks.svg")))
                .startsWith("<svg")
                .contains("</svg>");
        assertThat(Files.readString(out.resolve("benchmarks-table.md"))).contains("| figure |");
    }

    @Test
    void optionsRejectUnknownArgumentsAndScenarios() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BenchmarkOptions.parse("--fast"))
                .withMessageContaining("unknown argument '--fast'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BenchmarkOptions.parse("--only", "nope"))
                .withMessageContaining("unknown scenario 'nope'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BenchmarkOptions.parse("--reps", "0"))
                .withMessageContaining("--reps");
    }

    @Test
    void smokeOptionsAreTinyAndExplicitOnesWin() {
        BenchmarkOptions options = BenchmarkOptions.parse("--smoke", "--reps", "2");
        assertThat(options.repetitions()).isEqualTo(2);
        assertThat(options.largeBytes()).isLessThan(1 << 21);
        assertThat(options.warmups()).isZero();
        assertThat(BenchmarkOptions.parse().starts()).isEqualTo(30);
    }
}
