package io.gipc.benchmarks.report;

import static io.gipc.benchmarks.BenchmarkLog.number;

import io.gipc.benchmarks.Figure;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link Report} as a table: plain text for the terminal, Markdown for docs/benchmarks.md. The Python
 * column holds the same-run measurement of the figure's Python side or, where that was not measured, the recorded
 * figure marked "recorded"; the notes under the table say which interpreter ran or why it did not.
 */
public final class ResultTable {

    private static final List<String> HEADER = List.of(
            "figure",
            "unit",
            "gipc-JVM median [min-max]",
            "baseline median [min-max]",
            "x baseline",
            "Python side",
            "Python median [min-max]",
            "x Python",
            "C (recorded)",
            "target",
            "met");

    private static final int ERROR_WIDTH = 60;

    private ResultTable() {}

    /**
     * Renders aligned plain text.
     *
     * @param report the report
     * @return the table
     */
    public static String text(Report report) {
        List<List<String>> rows = rows(report);
        int[] widths = new int[HEADER.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(String.format(Locale.ROOT, "%-" + widths[i] + "s", row.get(i)));
                line.append(i + 1 < row.size() ? "  " : "");
            }
            out.append(line.toString().stripTrailing()).append('\n');
            if (r == 0) {
                int total = 0;
                for (int width : widths) {
                    total += width + 2;
                }
                out.append("-".repeat(total - 2)).append('\n');
            }
        }
        notes(report).forEach(note -> out.append(note).append('\n'));
        return out.toString();
    }

    /**
     * Renders a Markdown table.
     *
     * @param report the report
     * @return the table
     */
    public static String markdown(Report report) {
        List<List<String>> rows = rows(report);
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            out.append("| ")
                    .append(String.join(
                            " | ",
                            rows.get(r).stream().map(c -> c.replace("|", "\\|")).toList()))
                    .append(" |\n");
            if (r == 0) {
                out.append("|").append(" --- |".repeat(HEADER.size())).append('\n');
            }
        }
        List<String> notes = notes(report);
        if (!notes.isEmpty()) {
            out.append('\n');
            notes.forEach(note -> out.append("- ").append(note).append('\n'));
        }
        return out.toString();
    }

    private static List<List<String>> rows(Report report) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (FigureResult result : report.results()) {
            Figure figure = result.figure();
            rows.add(List.of(
                    figure.title(),
                    figure.unit(),
                    cell(result.gipc()),
                    figure.hasBaseline() ? cell(result.baseline()) : "-",
                    times(result.ratio(), ""),
                    orDash(figure.pythonDescription()),
                    pythonCell(result),
                    times(result.pythonRatio(), result.pythonRecorded() ? " (rec.)" : ""),
                    orDash(figure.cText()),
                    figure.target() == null ? "(info)" : figure.target().text(),
                    result.verdict()));
        }
        return rows;
    }

    /** The lines under the table: which Python ran each side, or why it did not. */
    static List<String> notes(Report report) {
        List<String> notes = new ArrayList<>();
        report.python().forEach((side, description) -> notes.add(side + ": " + description));
        if (report.results().stream().anyMatch(FigureResult::pythonRecorded)) {
            notes.add("recorded = gipc 1.8.0's figure of issue 5 (not measured in this run)");
        }
        return notes;
    }

    private static String pythonCell(FigureResult result) {
        SideResult python = result.python();
        if (python.summary() != null || python.error() != null) {
            return cell(python);
        }
        String recorded = result.figure().gipcPythonText();
        if (recorded != null) {
            return "recorded: " + recorded;
        }
        return python.notMeasured() != null ? "not measured" : "-";
    }

    private static String times(double ratio, String suffix) {
        return Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.2fx%s", ratio, suffix);
    }

    private static String cell(SideResult side) {
        Summary summary = side.summary();
        if (summary == null) {
            String error = side.error();
            String text = error == null ? "not measured" : "error: " + error.replace('\n', ' ');
            return text.length() > ERROR_WIDTH ? text.substring(0, ERROR_WIDTH - 3) + "..." : text;
        }
        return number(summary.median()) + " [" + number(summary.min()) + "-" + number(summary.max()) + "]";
    }

    private static String orDash(String text) {
        return text == null ? "-" : text;
    }
}
