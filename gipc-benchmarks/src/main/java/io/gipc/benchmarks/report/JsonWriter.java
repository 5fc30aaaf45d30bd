package io.gipc.benchmarks.report;

import io.gipc.benchmarks.Figure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a {@link Report} as JSON, by hand, so that the harness needs no JSON library. */
public final class JsonWriter {

    private JsonWriter() {}

    /**
     * Renders the report.
     *
     * @param report the report
     * @return the JSON text, indented
     */
    public static String write(Report report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("suite", "gipc-benchmarks");
        root.put("started", report.started().toString());
        root.put("elapsedSeconds", report.elapsed().toMillis() / 1000.0);
        root.put(
                "units",
                "MB = 2^20 bytes (as in gipc's benchmark scripts); ratio = gipc-JVM median / baseline median;"
                        + " pythonRatio = gipc-JVM median / Python median of this run (or / the recorded figure when"
                        + " pythonRatioRecorded); rawRatio = gipc-JVM median / its raw-codec median of this run;"
                        + " met compares gipc-JVM's median, or the ratio the target names, with the target");
        root.put(
                "baseline",
                "two JVMs over a raw JDK Unix-domain socket (SocketChannel + UnixDomainSocketAddress), "
                        + "length-prefixed frames, one write per frame, no library");
        root.put("python", report.python());
        root.put("machine", report.machine().asMap());
        root.put("options", report.options().asMap());
        List<Object> figures = new ArrayList<>();
        for (FigureResult result : report.results()) {
            figures.add(figure(result));
        }
        root.put("figures", figures);
        StringBuilder out = new StringBuilder();
        value(out, root, "");
        return out.append('\n').toString();
    }

    private static Map<String, Object> figure(FigureResult result) {
        Figure figure = result.figure();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", figure.id());
        map.put("title", figure.title());
        map.put("unit", figure.unit());
        map.put("better", figure.better().name().toLowerCase(java.util.Locale.ROOT));
        side(map, "gipc", result.gipc());
        map.put("hasBaseline", figure.hasBaseline());
        side(map, "baseline", result.baseline());
        map.put("ratio", result.ratio());
        map.put(
                "pythonSide",
                figure.pythonSide() == null ? null : figure.pythonSide().label());
        map.put("pythonMeasures", figure.pythonDescription());
        side(map, "python", result.python());
        map.put("pythonRatio", result.pythonRatio());
        map.put("pythonRatioRecorded", result.pythonRecorded());
        map.put(
                "rawFigure",
                figure.rawFigure() == null ? null : figure.rawFigure().id());
        map.put("rawRatio", result.rawRatio());
        Map<String, Object> reference = new LinkedHashMap<>();
        reference.put("gipcPython", figure.gipcPythonText());
        reference.put("c", figure.cText());
        map.put("reference", reference);
        map.put("target", figure.target() == null ? null : figure.target().text());
        map.put("met", result.met());
        map.put("verdict", result.verdict());
        return map;
    }

    private static void side(Map<String, Object> map, String name, SideResult side) {
        map.put(name, summary(side.summary()));
        map.put(name + "Error", side.error());
        map.put(name + "NotMeasured", side.notMeasured());
        map.put(name + "Parameters", side.parameters());
    }

    private static Map<String, Object> summary(Summary summary) {
        if (summary == null) {
            return null;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("median", summary.median());
        map.put("min", summary.min());
        map.put("max", summary.max());
        map.put("samples", summary.samples());
        return map;
    }

    private static void value(StringBuilder out, Object value, String indent) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            string(out, text);
        } else if (value instanceof Double number) {
            out.append(number.isNaN() || number.isInfinite() ? "null" : number.toString());
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append("{\n");
            int i = 0;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(indent).append("  ");
                string(out, String.valueOf(entry.getKey()));
                out.append(": ");
                value(out, entry.getValue(), indent + "  ");
                out.append(++i < map.size() ? ",\n" : "\n");
            }
            out.append(indent).append('}');
        } else if (value instanceof List<?> list) {
            boolean scalars = list.stream().noneMatch(v -> v instanceof Map || v instanceof List);
            if (scalars) {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    value(out, list.get(i), indent);
                    out.append(i + 1 < list.size() ? ", " : "");
                }
                out.append(']');
                return;
            }
            out.append("[\n");
            for (int i = 0; i < list.size(); i++) {
                out.append(indent).append("  ");
                value(out, list.get(i), indent + "  ");
                out.append(i + 1 < list.size() ? ",\n" : "\n");
            }
            out.append(indent).append(']');
        } else {
            string(out, value.toString());
        }
    }

    private static void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
