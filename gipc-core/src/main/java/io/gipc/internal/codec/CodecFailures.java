package io.gipc.internal.codec;

import io.gipc.GipcException;

/**
 * The exceptions {@link KryoCodec} throws: one {@link GipcException} whose message says what was refused or went
 * wrong (a refusal's own message, with Kryo's field trace, comes first), the original attached as the cause. Errors
 * that a message can provoke (a stack overflow on a deep graph, a heap exhausted by a corrupt length that slipped
 * through, a class that fails to link) become exceptions too, so one bad message cannot take the pipe down.
 */
final class CodecFailures {

    private CodecFailures() {}

    static GipcException encoding(Object value, Throwable e) {
        String what = value == null ? "null" : "a " + value.getClass().getName();
        return new GipcException("Codec.kryo() cannot encode " + what + ": " + reason(e, "encoding"), e);
    }

    static GipcException decoding(int length, Throwable e) {
        return new GipcException(
                "Codec.kryo() cannot decode a message of " + length + " bytes: " + reason(e, "decoding"), e);
    }

    private static String reason(Throwable e, String doing) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CodecRefusedException refused) {
                return refused.getMessage();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        if (e instanceof StackOverflowError) {
            return "the object graph nests too deeply for the stack while " + doing
                    + " (a long chain of objects that point to the next one? send such data as a list)";
        }
        if (e instanceof OutOfMemoryError) {
            return "the heap ran out while " + doing + " (" + e.getMessage() + ")";
        }
        return e.toString();
    }
}
