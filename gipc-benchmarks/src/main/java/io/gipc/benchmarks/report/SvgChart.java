package io.gipc.benchmarks.report;

import static io.gipc.benchmarks.BenchmarkLog.number;

import io.gipc.benchmarks.Figure;
import io.gipc.benchmarks.python.PythonSide;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link Report} as an SVG image, by hand, so that the harness needs no charting library: one panel per
 * figure, each on its own scale, with bars for gipc-JVM, the baseline and the Python side of the same run (median,
 * and a whisker from min to max), bars for the recorded gipc (Python) figure where the Python side was not measured
 * and for C where the issue gives a number, and a threshold target as a dashed line.
 */
public final class SvgChart {

    private static final int COLUMNS = 3;
    private static final int PANEL_WIDTH = 330;
    private static final int PANEL_HEIGHT = 250;
    private static final int HEADER_HEIGHT = 66;
    private static final int PLOT_LEFT = 20;
    private static final int PLOT_TOP = 62;
    private static final int PLOT_HEIGHT = 130;
    private static final int BAR_WIDTH = 52;
    private static final int BAR_GAP = 22;

    private SvgChart() {}

    /**
     * Renders the chart.
     *
     * @param report the report
     * @return the SVG document
     */
    public static String render(Report report) {
        List<FigureResult> results = report.results();
        int rows = (results.size() + COLUMNS - 1) / COLUMNS;
        int width = COLUMNS * PANEL_WIDTH;
        int height = HEADER_HEIGHT + rows * PANEL_HEIGHT;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                        + " font-family=\"sans-serif\">\n",
                width,
                height,
                width,
                height));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        String title = "gipc for the JVM: benchmarks" + (report.options().smoke() ? " (SMOKE RUN, tiny sizes)" : "");
        text(svg, 10, 22, 16, "bold", "start", title);
        Machine machine = report.machine();
        text(
                svg,
                10,
                40,
                11,
                "normal",
                "start",
                report.started() + "; " + machine.processors() + " CPUs (" + machine.cpuModel() + "); "
                        + machine.jdk());
        text(
                svg,
                10,
                56,
                11,
                "normal",
                "start",
                "bars: median; whiskers: min-max over " + report.options().repetitions()
                        + " repetitions (large message: " + report.options().largeRepetitions()
                        + "); dashed red line: target; MB = 2^20 bytes");
        for (int i = 0; i < results.size(); i++) {
            int x = (i % COLUMNS) * PANEL_WIDTH;
            int y = HEADER_HEIGHT + (i / COLUMNS) * PANEL_HEIGHT;
            panel(svg, results.get(i), x, y);
        }
        return svg.append("</svg>\n").toString();
    }

    private static void panel(StringBuilder svg, FigureResult result, int x, int y) {
        Figure figure = result.figure();
        svg.append(String.format(
                Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#ddd\"/>\n",
                x + 4,
                y + 4,
                PANEL_WIDTH - 8,
                PANEL_HEIGHT - 8));
        List<String> title = wrap(figure.title(), 46);
        for (int i = 0; i < title.size(); i++) {
            text(svg, x + 12, y + 20 + 13 * i, 11, "bold", "start", title.get(i));
        }
        Boolean met = result.met();
        String status = met == null
                ? (figure.target() == null ? "for information" : "target not evaluated")
                : met ? "target met" : "target NOT met";
        text(
                svg,
                x + 12,
                y + 48,
                10,
                "normal",
                "start",
                figure.unit() + ", " + figure.better().name().toLowerCase(Locale.ROOT) + " is better; " + status);

        List<Bar> bars = new ArrayList<>();
        bars.add(Bar.of("gipc-JVM", "#1f77b4", result.gipc().summary()));
        if (figure.hasBaseline()) {
            bars.add(Bar.of("baseline", "#7f7f7f", result.baseline().summary()));
        }
        if (result.python().summary() != null) {
            String label = figure.pythonSide() == PythonSide.PPE ? "PPE" : "gipc (Py)";
            bars.add(Bar.of(label, "#ff7f0e", result.python().summary()));
        } else if (figure.gipcPython() != null) {
            bars.add(new Bar("gipc rec.", "#ffbb78", figure.gipcPython(), Double.NaN, Double.NaN));
        }
        Double c = leadingNumber(figure.cText());
        if (c != null) {
            bars.add(new Bar("C", "#2ca02c", c, Double.NaN, Double.NaN));
        }
        double threshold =
                figure.target() == null ? Double.NaN : figure.target().threshold();
        double top = Double.isNaN(threshold) ? 0 : threshold;
        for (Bar bar : bars) {
            top = Math.max(top, Double.isNaN(bar.max) ? bar.value : Math.max(bar.value, bar.max));
        }
        if (!(top > 0)) {
            text(svg, x + PANEL_WIDTH / 2, y + PLOT_TOP + PLOT_HEIGHT / 2, 11, "normal", "middle", "no data");
            return;
        }
        top *= 1.15;
        int baseY = y + PLOT_TOP + PLOT_HEIGHT;
        line(svg, x + PLOT_LEFT, baseY, x + PANEL_WIDTH - 12, baseY, "#333", false);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            int left = x + PLOT_LEFT + 10 + i * (BAR_WIDTH + BAR_GAP);
            int center = left + BAR_WIDTH / 2;
            if (!Double.isNaN(bar.value)) {
                double h = bar.value / top * PLOT_HEIGHT;
                svg.append(String.format(
                        Locale.ROOT,
                        "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"%s\"/>\n",
                        left,
                        baseY - h,
                        BAR_WIDTH,
                        h,
                        bar.color));
                if (!Double.isNaN(bar.min)) {
                    double low = baseY - bar.min / top * PLOT_HEIGHT;
                    double high = baseY - bar.max / top * PLOT_HEIGHT;
                    line(svg, center, low, center, high, "black", false);
                    line(svg, center - 6, low, center + 6, low, "black", false);
                    line(svg, center - 6, high, center + 6, high, "black", false);
                }
                double labelY = baseY - Math.max(h, Double.isNaN(bar.max) ? 0 : bar.max / top * PLOT_HEIGHT) - 4;
                text(svg, center, labelY, 10, "normal", "middle", number(bar.value));
            } else {
                text(svg, center, baseY - 4, 10, "normal", "middle", "n/a");
            }
            text(svg, center, baseY + 14, 10, "normal", "middle", bar.label);
        }
        List<String> notes = new ArrayList<>();
        if (figure.target() != null) {
            if (!Double.isNaN(threshold)) {
                double targetY = baseY - threshold / top * PLOT_HEIGHT;
                line(svg, x + PLOT_LEFT, targetY, x + PANEL_WIDTH - 12, targetY, "#d62728", true);
            }
            notes.add("target " + figure.target().text());
        }
        List<String> ratios = new ArrayList<>();
        ratio(ratios, "baseline", result.ratio());
        ratio(ratios, result.pythonRecorded() ? "gipc rec." : "Python", result.pythonRatio());
        ratio(ratios, "raw", result.rawRatio());
        if (!ratios.isEmpty()) {
            notes.add("gipc-JVM = " + String.join(", ", ratios));
        }
        for (int i = 0; i < notes.size(); i++) {
            text(svg, x + 12, baseY + 30 + 13 * i, 10, "normal", "start", notes.get(i));
        }
    }

    private static void ratio(List<String> ratios, String against, double ratio) {
        if (!Double.isNaN(ratio)) {
            ratios.add(String.format(Locale.ROOT, "%.2fx %s", ratio, against));
        }
    }

    private static List<String> wrap(String text, int width) {
        if (text.length() <= width) {
            return List.of(text);
        }
        int cut = text.lastIndexOf(' ', width);
        if (cut <= 0) {
            cut = width;
        }
        return List.of(text.substring(0, cut).strip(), text.substring(cut).strip());
    }

    /**
     * Reads the number at the start of a reference text such as {@code "3,200"}, {@code "257k one write each"} or
     * {@code "1 (spawn)"}.
     *
     * @param text the text, or {@code null}
     * @return the number, or {@code null} when the text does not start with one
     */
    static Double leadingNumber(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder digits = new StringBuilder();
        int i = 0;
        while (i < text.length()
                && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.' || text.charAt(i) == ',')) {
            if (text.charAt(i) != ',') {
                digits.append(text.charAt(i));
            }
            i++;
        }
        if (digits.isEmpty()) {
            return null;
        }
        double value = Double.parseDouble(digits.toString());
        if (i < text.length() && text.charAt(i) == 'k') {
            value *= 1e3;
        } else if (i < text.length() && text.charAt(i) == 'M') {
            value *= 1e6;
        }
        return value;
    }

    private static void line(
            StringBuilder svg, double x1, double y1, double x2, double y2, String color, boolean dashed) {
        svg.append(String.format(
                Locale.ROOT,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"%s/>\n",
                x1,
                y1,
                x2,
                y2,
                color,
                dashed ? " stroke-dasharray=\"5,3\" stroke-width=\"1.5\"" : ""));
    }

    private static void text(
            StringBuilder svg, double x, double y, int size, String weight, String anchor, String content) {
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" font-weight=\"%s\" text-anchor=\"%s\">%s</text>\n",
                x,
                y,
                size,
                weight,
                anchor,
                escape(content)));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private record Bar(String label, String color, double value, double min, double max) {
        static Bar of(String label, String color, Summary summary) {
            return summary == null
                    ? new Bar(label, color, Double.NaN, Double.NaN, Double.NaN)
                    : new Bar(label, color, summary.median(), summary.min(), summary.max());
        }
    }
}
