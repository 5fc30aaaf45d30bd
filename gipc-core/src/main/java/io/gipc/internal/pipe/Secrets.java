package io.gipc.internal.pipe;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Random secrets and identifiers. */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {}

    /**
     * Returns {@code n} random bytes.
     *
     * @param n how many
     * @return the bytes
     */
    public static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    /**
     * Returns {@code n} random bytes as {@code 2n} hex characters.
     *
     * @param n how many bytes
     * @return the hex string
     */
    public static String token(int n) {
        return HexFormat.of().formatHex(bytes(n));
    }

    /**
     * Returns a random long.
     *
     * @return the value
     */
    public static long nextLong() {
        return RANDOM.nextLong();
    }
}
