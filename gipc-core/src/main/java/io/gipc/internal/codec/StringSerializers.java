package io.gipc.internal.codec;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;

/** {@link String}, {@link StringBuilder} and {@link StringBuffer} in the {@link StringBytes} format. */
final class StringSerializers {

    private StringSerializers() {}

    /** The default serializer for strings, registered in place of Kryo's. */
    static final class StringSerializer extends Serializer<String> {
        StringSerializer() {
            super(true, true);
        }

        @Override
        public void write(Kryo kryo, Output output, String s) {
            StringBytes.write(output, s);
        }

        @Override
        public String read(Kryo kryo, Input input, Class<? extends String> type) {
            return StringBytes.read(input);
        }
    }

    static final class StringBuilderSerializer extends Serializer<StringBuilder> {
        @Override
        public void write(Kryo kryo, Output output, StringBuilder s) {
            StringBytes.write(output, s.toString());
        }

        @Override
        public StringBuilder read(Kryo kryo, Input input, Class<? extends StringBuilder> type) {
            return new StringBuilder(StringBytes.read(input));
        }
    }

    static final class StringBufferSerializer extends Serializer<StringBuffer> {
        @Override
        public void write(Kryo kryo, Output output, StringBuffer s) {
            StringBytes.write(output, s.toString());
        }

        @Override
        public StringBuffer read(Kryo kryo, Input input, Class<? extends StringBuffer> type) {
            return new StringBuffer(StringBytes.read(input));
        }
    }
}
