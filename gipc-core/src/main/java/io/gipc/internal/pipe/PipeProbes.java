package io.gipc.internal.pipe;

import java.util.function.BooleanSupplier;

/** Open-state probes of pipe ends that refer to their cores only, so that the ends stay collectable. */
final class PipeProbes {

    private PipeProbes() {}

    static BooleanSupplier either(BooleanSupplier a, BooleanSupplier b) {
        return () -> a.getAsBoolean() || b.getAsBoolean();
    }
}
