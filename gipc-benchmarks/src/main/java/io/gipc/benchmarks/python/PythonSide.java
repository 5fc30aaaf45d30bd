package io.gipc.benchmarks.python;

/** Which Python library a same-run comparison measures, and so which interpreter it needs. */
public enum PythonSide {
    /** gipc (a source checkout given with {@code --gipc}) on an interpreter that can {@code import gevent}. */
    GIPC("gipc (Python)"),
    /** {@code concurrent.futures.ProcessPoolExecutor}: any Python 3, standard library only. */
    PPE("ProcessPoolExecutor");

    private final String label;

    PythonSide(String label) {
        this.label = label;
    }

    /**
     * Returns the name shown in tables.
     *
     * @return the label
     */
    public String label() {
        return label;
    }
}
