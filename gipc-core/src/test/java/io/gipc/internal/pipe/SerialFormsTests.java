package io.gipc.internal.pipe;

import static org.assertj.core.api.Assertions.assertThat;

import io.gipc.DuplexPipe;
import io.gipc.Pipe;
import io.gipc.PipeReader;
import io.gipc.PipeWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The samples a pooled child reads ahead: every one reads back into an end that connects nothing. */
class SerialFormsTests {

    @Test
    void everySampleReadsBackAsAnAbsentEnd() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(SerialForms.samples());
        }
        List<?> back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (List<?>) in.readObject();
        }
        assertThat(back).hasSize(5);
        assertThat(back.get(0)).isInstanceOf(PipeReader.class);
        assertThat(back.get(1)).isInstanceOf(PipeWriter.class);
        assertThat(back.get(2)).isInstanceOf(io.gipc.DuplexHandle.class);
        assertThat(back.get(3)).isInstanceOf(Pipe.class);
        assertThat(back.get(4)).isInstanceOf(DuplexPipe.class);
        for (Object end : back) {
            ((AutoCloseable) end).close();
        }
    }
}
