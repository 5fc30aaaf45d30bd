package io.gipc.internal.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The launch data a child reads from its stdin, in its plain length-prefixed form. */
class LaunchDataTests {

    private static final LaunchData DATA =
            new LaunchData("wörker-1", "/tmp/gipc-1/control.s", new byte[] {1, 2, 3}, new byte[] {9, 8, 7, 6});

    @Test
    void itReadsBackWhatWasWritten() throws IOException {
        LaunchData back = LaunchData.fromBytes(DATA.toBytes());
        assertThat(back.name()).isEqualTo(DATA.name());
        assertThat(back.controlSocket()).isEqualTo(DATA.controlSocket());
        assertThat(back.token()).isEqualTo(DATA.token());
        assertThat(back.task()).isEqualTo(DATA.task());
    }

    @Test
    void truncatedOrPaddedDataIsRefused() throws IOException {
        byte[] bytes = DATA.toBytes();
        assertThatThrownBy(() -> LaunchData.fromBytes(Arrays.copyOf(bytes, bytes.length - 1)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("claims");
        assertThatThrownBy(() -> LaunchData.fromBytes(Arrays.copyOf(bytes, bytes.length + 2)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("after its last field");
        assertThatThrownBy(() -> LaunchData.fromBytes(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff}))
                .isInstanceOf(IOException.class);
    }
}
