package io.gipc.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gipc.benchmarks.python.PythonLocator;
import io.gipc.benchmarks.python.PythonUnavailableException;
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
 * here looks at a timing, only at whether every figure was measured on our side (and on the baseline where it has
 * one), whether each Python side was measured or said why not, and whether everything was written out.
 */
class BenchmarkSuiteSmokeTests {

    @TempDir
    Path out;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    @SuppressWarnings("unchecked")
    void smokeRunMeasuresEveryFigureOnOurSideAndWritesThem() throws Exception {
        Report report = BenchmarkMain.run(BenchmarkOptions.parse("--smoke", "--out", out.toString()));

        Map<String, Object> json =
                (Map<String, Object>) MinimalJson.parse(Files.readString(out.resolve("benchmarks.json")));
        List<Map<String, Object>> figures = (List<Map<String, Object>>) json.get("figures");
        assertThat(figures)
                .extracting(figure -> figure.get("id"))
                .containsExactlyElementsOf(
                        Arrays.stream(Figure.values()).map(Figure::id).toList());
        for (Map<String, Object> figure : figures) {
            Object id = figure.get("id");
            assertThat(figure.get("gipcError")).as("gipc error of %s", id).isNull();
            assertMeasured((Map<String, Object>) figure.get("gipc"), "gipc", id);
            if (Boolean.TRUE.equals(figure.get("hasBaseline"))) {
                assertThat(figure.get("baselineError"))
                        .as("baseline error of %s", id)
                        .isNull();
                assertMeasured((Map<String, Object>) figure.get("baseline"), "baseline", id);
            }
            if (figure.get("pythonSide") != null) {
                // Without --gipc (and on machines without gevent or Python) a Python side is "not measured", with
                // the reason; when it runs, it must not fail.
                assertThat(figure.get("pythonError"))
                        .as("Python error of %s", id)
                        .isNull();
                if (figure.get("python") == null) {
                    assertThat(figure.get("pythonNotMeasured"))
                            .as("why Python of %s was not measured", id)
                            .isNotNull();
                } else {
                    assertMeasured((Map<String, Object>) figure.get("python"), "python", id);
                }
            }
        }
        assertThat(figures)
                .filteredOn(figure -> "gipc (Python)".equals(figure.get("pythonSide")))
                .allSatisfy(figure -> assertThat(String.valueOf(figure.get("pythonNotMeasured")))
                        .contains("--gipc"));
        assertThat(json).containsKeys("machine", "options", "python");
        assertThat(report.failed()).isFalse();
        assertThat(Files.readString(out.resolve("benchmarks.svg")))
                .startsWith("<svg")
                .contains("</svg>");
        assertThat(Files.readString(out.resolve("benchmarks-table.md")))
                .contains("| figure |")
                .contains("recorded: 1,757 (pickle)")
                .contains("gipc (Python): not measured: no --gipc DIR");
    }

    private static void assertMeasured(Map<String, Object> summary, String side, Object id) {
        assertThat(summary).as("%s of %s", side, id).isNotNull();
        assertThat(summary).containsKeys("median", "min", "max", "samples");
        assertThat(summary.get("median")).isInstanceOf(Double.class);
    }

    @Test
    void gipcSideIsNotMeasuredWithAReasonWhenTheCheckoutIsMissing() {
        assertThatThrownBy(() -> PythonLocator.forGipc(null, null))
                .isInstanceOf(PythonUnavailableException.class)
                .hasMessageContaining("no --gipc DIR");
        assertThatThrownBy(() -> PythonLocator.forGipc(out.resolve("nowhere"), null))
                .isInstanceOf(PythonUnavailableException.class)
                .hasMessageContaining("holds no gipc/__init__.py");
        assertThatThrownBy(() -> PythonLocator.forStandardLibrary(
                        out.resolve("no-python").toString()))
                .isInstanceOf(PythonUnavailableException.class)
                .hasMessageContaining("no Python that can run concurrent.futures");
    }

    @Test
    void optionsRejectUnknownArgumentsAndScenarios() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BenchmarkOptions.parse("--fast"))
                .withMessageContaining("unknown argument '--fast'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> BenchmarkOptions.parse("--only", "nope"))
                .withMessageContaining("unknown scenario 'nope'");
        assertThat(BenchmarkOptions.parse("--only", "pool-map,start-warm,records-1000")
                        .runs("pool-map"))
                .isTrue();
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
        assertThat(options.mapTasks()).isLessThan(20_000);
        assertThat(BenchmarkOptions.parse().starts()).isEqualTo(30);
        assertThat(BenchmarkOptions.parse().mapTasks()).isEqualTo(20_000);
        assertThat(BenchmarkOptions.parse("--gipc", "/x", "--python", "py").gipcCheckout())
                .hasToString("/x");
    }
}
