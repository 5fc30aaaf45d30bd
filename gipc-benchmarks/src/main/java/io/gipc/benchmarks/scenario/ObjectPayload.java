package io.gipc.benchmarks.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The object messages of the default-codec throughput figures, each with the payload its Python side pickles.
 * Enum constants are serializable, so a child task captures one and builds the message in the child.
 */
public enum ObjectPayload {
    /** A 64,000-character {@code String} of {@code 'A'} (Latin-1); Python: {@code 'A' * 64000}. */
    STRING_64000("str", 64_000, 64_000) {
        @Override
        Object create() {
            return "A".repeat(64_000);
        }
    },
    /**
     * An {@code ArrayList} of 1,000 {@link Row}s ({@code i, i * 0.5, "name-%05d"}); Python: a list of 1,000 tuples
     * {@code (i, i * 0.5, "name-%05d" % i)}.
     */
    RECORDS_1000("records", 1_000, 0) {
        @Override
        Object create() {
            List<Row> rows = new ArrayList<>(1_000);
            for (int i = 0; i < 1_000; i++) {
                rows.add(new Row(i, i * 0.5, String.format(Locale.ROOT, "name-%05d", i)));
            }
            return rows;
        }
    };

    private final String pythonKind;
    private final int pythonSize;
    private final int bytesPerMessage;

    ObjectPayload(String pythonKind, int pythonSize, int bytesPerMessage) {
        this.pythonKind = pythonKind;
        this.pythonSize = pythonSize;
        this.bytesPerMessage = bytesPerMessage;
    }

    /** Builds one message. */
    abstract Object create();

    /** The {@code --payload} of {@code gipc_throughput.py}. */
    String pythonKind() {
        return pythonKind;
    }

    /** The {@code --size} of {@code gipc_throughput.py}: characters or list elements. */
    int pythonSize() {
        return pythonSize;
    }

    /** The payload's size in bytes for MB/s figures (a Latin-1 character counts one), 0 for messages/s figures. */
    int bytesPerMessage() {
        return bytesPerMessage;
    }

    /**
     * One element of {@link #RECORDS_1000}: a small record as an application would send.
     *
     * @param id a number
     * @param value a floating-point number
     * @param name a 10-character string
     */
    public record Row(int id, double value, String name) {}
}
