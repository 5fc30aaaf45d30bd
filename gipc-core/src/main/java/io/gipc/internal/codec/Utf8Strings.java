package io.gipc.internal.codec;

import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;

/**
 * Strings as the codec writes them: a header, then the string's UTF-8 bytes made and read by the JDK's intrinsic
 * conversions ({@code String.getBytes(UTF_8)}, {@code new String(bytes, off, len, UTF_8)}), which copy ASCII at memory
 * speed, instead of Kryo's loop over characters.
 *
 * <p>UTF-8 cannot hold a lone surrogate (half of a UTF-16 pair); {@code getBytes} would turn it into '?'. A string
 * with one is written as its UTF-16 chars instead, so every string arrives equal. Long ASCII strings are encoded by
 * the JDK's vectorized ASCII loop straight into the destination array; the encoder there reports lone surrogates.
 *
 * <p>Header, a positive varint: 0 for {@code null}, otherwise {@code 1 + (length << 1 | kind)}, where kind 0 means
 * {@code length} UTF-8 bytes follow and kind 1 means {@code length} two-byte chars follow.
 */
final class Utf8Strings {

    /** Up to this length a string is checked char by char; longer ones go through the JDK's ASCII intrinsic. */
    private static final int SHORT = 64;

    private Utf8Strings() {}

    static void write(Output output, String s) {
        if (s == null) {
            output.writeVarLong(0, true);
            return;
        }
        byte[] utf8 = encode(s, 0);
        if (utf8 == null) {
            output.writeVarLong(1 + ((long) s.length() << 1 | 1), true);
            for (int i = 0; i < s.length(); i++) {
                output.writeChar(s.charAt(i));
            }
            return;
        }
        output.writeVarLong(1 + ((long) utf8.length << 1), true);
        output.writeBytes(utf8);
    }

    static String read(Input input) {
        long header = input.readVarLong(true);
        if (header == 0) {
            return null;
        }
        long length = (header - 1) >>> 1;
        BoundedInput in = (BoundedInput) input;
        if (((header - 1) & 1) == 0) {
            in.requireElements(length, 1, "a string");
            return in.readUtf8((int) length);
        }
        in.requireElements(length, 2, "a string");
        char[] chars = new char[(int) length];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = input.readChar();
        }
        return new String(chars);
    }

    /**
     * Returns the UTF-8 bytes of {@code s} at {@code offset} of a new array (the first {@code offset} bytes are left
     * for the caller), or {@code null} when {@code s} has a lone surrogate. A long ASCII string is encoded straight
     * into the array by the JDK's vectorized ASCII loop, with no intermediate copy.
     */
    static byte[] encode(String s, int offset) {
        if (s.length() > SHORT) {
            byte[] ascii = encodeAscii(s, offset);
            if (ascii != null) {
                return ascii;
            }
        }
        if (hasLoneSurrogate(s)) {
            return null;
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        if (offset == 0) {
            return utf8;
        }
        byte[] out = new byte[offset + utf8.length];
        System.arraycopy(utf8, 0, out, offset, utf8.length);
        return out;
    }

    /** Encodes an ASCII string; {@code null} when it is not ASCII (some char takes more than one byte, or none). */
    private static byte[] encodeAscii(String s, int offset) {
        byte[] out = new byte[offset + s.length()];
        CharBuffer in = CharBuffer.wrap(s.toCharArray());
        ByteBuffer bytes = ByteBuffer.wrap(out, offset, s.length());
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder(); // reports lone surrogates, never replaces
        CoderResult result = encoder.encode(in, bytes, true);
        if (result.isUnderflow() && !in.hasRemaining() && !bytes.hasRemaining()) {
            return out;
        }
        return null;
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
