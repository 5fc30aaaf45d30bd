package io.gipc.internal.codec;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.nio.charset.StandardCharsets;

/**
 * Strings as the codec writes them: a header, then the string's bytes made and read by the JDK's intrinsic
 * conversions instead of Kryo's loop over characters. A string whose characters all fit in one byte (ASCII, and
 * Latin-1 such as "café") travels as ISO-8859-1, which the receiver turns into a string with one array copy (the
 * JDK stores such strings as one byte per character); other strings travel as UTF-8 ({@code String.getBytes},
 * {@code new String(bytes, off, len, UTF_8)}).
 *
 * <p>UTF-8 cannot hold a lone surrogate (half of a UTF-16 pair); {@code getBytes} would turn it into '?'. A string
 * with one is written as its UTF-16 chars instead, so every string arrives equal.
 *
 * <p>Header, a positive varint: 0 for {@code null}, otherwise {@code 1 + (length << 2 | kind)}, where {@code length}
 * bytes of ISO-8859-1 ({@link #LATIN1}) or UTF-8 ({@link #UTF8}), or {@code length} two-byte chars
 * ({@link #UTF16}) follow.
 */
final class StringBytes {

    static final int UTF8 = 0;
    static final int UTF16 = 1;
    static final int LATIN1 = 2;

    /** Up to this length a string is encoded char by char; longer ones through the JDK's vectorized encoders. */
    private static final int SHORT = 64;

    private StringBytes() {}

    /** The bytes of a string and how they encode it. */
    record Encoded(byte[] bytes, int kind) {}

    static void write(Output output, String s) {
        if (s == null) {
            output.writeVarLong(0, true);
            return;
        }
        Encoded encoded = encode(s, 0);
        if (encoded == null) {
            output.writeVarLong(1 + ((long) s.length() << 2 | UTF16), true);
            for (int i = 0; i < s.length(); i++) {
                output.writeChar(s.charAt(i));
            }
            return;
        }
        output.writeVarLong(1 + ((long) encoded.bytes().length << 2 | encoded.kind()), true);
        output.writeBytes(encoded.bytes());
    }

    static String read(Input input) {
        long header = input.readVarLong(true);
        if (header == 0) {
            return null;
        }
        long length = (header - 1) >>> 2;
        int kind = (int) ((header - 1) & 3);
        BoundedInput in = (BoundedInput) input;
        switch (kind) {
            case UTF8:
                return in.readString((int) length, StandardCharsets.UTF_8);
            case LATIN1:
                return in.readString((int) length, StandardCharsets.ISO_8859_1);
            case UTF16:
                in.requireElements(length, 2, "a string");
                char[] chars = new char[(int) length];
                for (int i = 0; i < chars.length; i++) {
                    chars[i] = input.readChar();
                }
                return new String(chars);
            default:
                throw new com.esotericsoftware.kryo.KryoException("a string of unknown kind " + kind + ": corrupt");
        }
    }

    /**
     * Returns the bytes of {@code s} at {@code offset} of a new array (the first {@code offset} bytes are left for
     * the caller) and their encoding, or {@code null} when {@code s} has a lone surrogate. A long string of one-byte
     * characters is encoded straight into that array by the JDK's vectorized ISO-8859-1 loop.
     */
    static Encoded encode(String s, int offset) {
        if (s.length() > SHORT) {
            byte[] latin1 = encodeLatin1(s, offset);
            if (latin1 != null) {
                return new Encoded(latin1, LATIN1);
            }
        }
        if (hasLoneSurrogate(s)) {
            return null;
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        if (offset == 0) {
            return new Encoded(utf8, UTF8);
        }
        byte[] out = new byte[offset + utf8.length];
        System.arraycopy(utf8, 0, out, offset, utf8.length);
        return new Encoded(out, UTF8);
    }

    /**
     * Encodes a string of one-byte characters, {@code null} when one does not fit. The JDK keeps such a string as
     * one byte per character, so {@code getBytes(int, int, byte[], int)} (the low 8 bits of each char) is one array
     * copy straight into the message; decoding the copy back and comparing (both vectorized) tells whether every
     * character fitted, since a string with a wider one compares unequal at once.
     */
    @SuppressWarnings("deprecation") // the low-8-bits copy is exactly what is wanted here, checked right after
    private static byte[] encodeLatin1(String s, int offset) {
        int n = s.length();
        byte[] out = new byte[offset + n];
        s.getBytes(0, n, out, offset);
        return s.equals(new String(out, offset, n, StandardCharsets.ISO_8859_1)) ? out : null;
    }

    /**
     * Whether UTF-8 cannot hold {@code s}: it has a high surrogate not followed by a low one, or a low one not
     * preceded by a high one. {@code String.getBytes} would put '?' in their place.
     */
    static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
