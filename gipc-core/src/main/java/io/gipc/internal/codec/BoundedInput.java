package io.gipc.internal.codec;

import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Input;
import java.nio.charset.Charset;

/**
 * Kryo input over one whole message that never allocates from a length it has not checked: every count read from
 * the message (of array elements, string characters, collection entries) must fit in the bytes that are left, each
 * element taking at least one byte. A corrupt or hostile message then fails with an exception instead of an
 * {@link OutOfMemoryError}, and the memory a message can make the decoder allocate stays proportional to its size.
 *
 * <p>Only over a {@code byte[]} (there is no stream behind it), so {@code limit - position} is what is left.
 */
final class BoundedInput extends Input {

    BoundedInput(byte[] buffer, int offset, int count) {
        super(buffer, offset, count);
    }

    /** Bytes left in the message. */
    int remaining() {
        return limit - position;
    }

    /**
     * Checks that {@code count} elements of at least {@code bytesEach} bytes can follow.
     *
     * @throws KryoException when the message is too short for them
     */
    void requireElements(long count, int bytesEach, String what) {
        if (count < 0 || count * bytesEach > remaining()) {
            throw new KryoException("the message claims " + what + " of " + count + " elements but only " + remaining()
                    + " bytes are left: it is truncated or corrupt");
        }
    }

    /** Checks a count read by a Kryo serializer through {@code input}, which is always a {@code BoundedInput}. */
    static void requireElements(Input input, long count, int bytesEach, String what) {
        ((BoundedInput) input).requireElements(count, bytesEach, what);
    }

    /** Reads a string of {@code length} bytes straight from the message's buffer (the JDK's intrinsic decoders). */
    String readString(int length, Charset charset) {
        requireElements(length, 1, "a string");
        String s = new String(buffer, position, length, charset);
        position += length;
        return s;
    }

    @Override
    public String readString() {
        peekStringLength();
        return super.readString();
    }

    @Override
    public StringBuilder readStringBuilder() {
        peekStringLength();
        return super.readStringBuilder();
    }

    /** Kryo's own string format (class names, zone ids): a UTF-8 length header unless the first byte is ASCII. */
    private void peekStringLength() {
        if (position < limit && readVarIntFlag()) {
            int start = position;
            int charCount = readVarIntFlag(true);
            position = start;
            requireElements(charCount - 1L, 1, "a string");
        }
    }

    @Override
    public byte[] readBytes(int length) {
        requireElements(length, 1, "a byte[]");
        return super.readBytes(length);
    }

    @Override
    public int[] readInts(int length) {
        requireElements(length, 4, "an int[]");
        return super.readInts(length);
    }

    @Override
    public int[] readInts(int length, boolean optimizePositive) {
        requireElements(length, 1, "an int[]");
        return super.readInts(length, optimizePositive);
    }

    @Override
    public long[] readLongs(int length) {
        requireElements(length, 8, "a long[]");
        return super.readLongs(length);
    }

    @Override
    public long[] readLongs(int length, boolean optimizePositive) {
        requireElements(length, 1, "a long[]");
        return super.readLongs(length, optimizePositive);
    }

    @Override
    public float[] readFloats(int length) {
        requireElements(length, 4, "a float[]");
        return super.readFloats(length);
    }

    @Override
    public double[] readDoubles(int length) {
        requireElements(length, 8, "a double[]");
        return super.readDoubles(length);
    }

    @Override
    public short[] readShorts(int length) {
        requireElements(length, 2, "a short[]");
        return super.readShorts(length);
    }

    @Override
    public char[] readChars(int length) {
        requireElements(length, 2, "a char[]");
        return super.readChars(length);
    }

    @Override
    public boolean[] readBooleans(int length) {
        requireElements(length, 1, "a boolean[]");
        return super.readBooleans(length);
    }
}
