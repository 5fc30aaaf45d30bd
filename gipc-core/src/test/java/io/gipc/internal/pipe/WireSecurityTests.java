package io.gipc.internal.pipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gipc.Codec;
import io.gipc.GipcEofException;
import io.gipc.GipcException;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a reader's socket accepts from the wire: only connections proving the secret, only sane frames. */
class WireSecurityTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path tmp;

    private Path dir;
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void privateDirectory() throws IOException {
        dir = Files.createDirectory(
                tmp.resolve("p"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Logger.getLogger("io.gipc.pipe").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("io.gipc.pipe").removeHandler(capture);
    }

    private PipeAddress address(int max) {
        return new PipeAddress(dir.toString(), Secrets.token(8), Secrets.bytes(Wire.SECRET_LENGTH), "under-test", max);
    }

    @Test
    void aConnectionWithoutTheRightSecretIsRefusedAndLoggedAndThePipeWorksOn() throws Exception {
        PipeAddress real = address(1024);
        ReaderEnd<byte[]> reader = ReaderEnd.listen(real, Codec.raw(), new PipeCounters("t"));
        try {
            PipeAddress forged = new PipeAddress(real.directory(), real.id(), Secrets.bytes(32), real.name(), 1024);
            try (SocketChannel intruder = SocketChannel.open(UnixDomainSocketAddress.of(real.socketPath()))) {
                Wire.writeFully(intruder, Wire.hello(forged, Wire.DATA, 0), frame(new byte[] {66}));
                // the reader closes the intruder's connection (end of stream or a reset)
                int read;
                try {
                    read = intruder.read(ByteBuffer.allocate(1));
                } catch (IOException reset) {
                    read = -1;
                }
                assertThat(read).isEqualTo(-1);
            }
            assertThat(logged).anySatisfy(r -> assertThat(r.getMessage()).contains("secret"));
            WriterEnd<byte[]> writer = WriterEnd.connect(real, Codec.raw(), new PipeCounters("t"), 0);
            writer.put(new byte[] {7});
            assertThat(reader.get(WAIT)).containsExactly(7);
            writer.close();
        } finally {
            reader.close();
        }
    }

    @Test
    void anOversizedFrameIsRefusedWithoutAllocatingItsLength() throws Exception {
        PipeAddress address = address(1024);
        ReaderEnd<byte[]> reader = ReaderEnd.listen(address, Codec.raw(), new PipeCounters("t"));
        try (SocketChannel peer = SocketChannel.open(UnixDomainSocketAddress.of(address.socketPath()))) {
            Wire.writeFully(peer, Wire.hello(address, Wire.DATA, 0), frame(new byte[] {1}));
            // claims 2 GiB: allocating it would fail this JVM; the reader must refuse it from the header alone
            Wire.writeFully(peer, ByteBuffer.allocate(4).putInt(0, 0x7ffffff0));
            assertThat(reader.get(WAIT)).containsExactly(1);
            assertThatThrownBy(() -> reader.get(WAIT))
                    .isInstanceOf(GipcException.class)
                    .hasMessageContaining("2147483632 bytes")
                    .hasMessageContaining("maximum of 1024")
                    .hasMessageContaining("under-test");
            assertThatThrownBy(() -> reader.get(WAIT)).isInstanceOf(GipcEofException.class);
        } finally {
            reader.close();
        }
    }

    @Test
    void aCorruptedHeaderIsRefused() throws Exception {
        PipeAddress address = address(1024);
        ReaderEnd<byte[]> reader = ReaderEnd.listen(address, Codec.raw(), new PipeCounters("t"));
        try (SocketChannel peer = SocketChannel.open(UnixDomainSocketAddress.of(address.socketPath()))) {
            Wire.writeFully(
                    peer,
                    Wire.hello(address, Wire.DATA, 0),
                    ByteBuffer.allocate(4).putInt(0, -77));
            assertThatThrownBy(() -> reader.get(WAIT))
                    .isInstanceOf(GipcException.class)
                    .hasMessageContaining("corrupted frame header");
        } finally {
            reader.close();
        }
    }

    @Test
    void aLengthWithinTheMaximumThatNeverArrivesEndsTheStreamWithoutHanging() throws Exception {
        PipeAddress address = address(Integer.MAX_VALUE);
        ReaderEnd<byte[]> reader = ReaderEnd.listen(address, Codec.raw(), new PipeCounters("t"));
        try (SocketChannel peer = SocketChannel.open(UnixDomainSocketAddress.of(address.socketPath()))) {
            // 1.9 GiB announced, 3 bytes sent: the reader grows its buffer only as bytes arrive
            Wire.writeFully(
                    peer, Wire.hello(address, Wire.DATA, 0), ByteBuffer.wrap(new byte[] {0x71, 0, 0, 0, 1, 2, 3}));
            peer.close();
            assertThatThrownBy(() -> reader.get(WAIT)).isInstanceOf(GipcEofException.class);
        } finally {
            reader.close();
        }
    }

    @Test
    void socketFilesLiveOnlyInAPrivateDirectory() throws Exception {
        io.gipc.internal.launch.DefaultProcessLauncher launcher =
                new io.gipc.internal.launch.DefaultProcessLauncher(io.gipc.LauncherConfig.defaults());
        try {
            launcher.pipe();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(launcher.directory())))
                    .isEqualTo("rwx------");
            try (var files = Files.list(launcher.directory())) {
                assertThat(files)
                        .isNotEmpty()
                        .allMatch(f -> f.getFileName().toString().endsWith(".s")
                                || f.getFileName().toString().equals(".owner"));
            }
        } finally {
            launcher.close();
        }
        assertThat(launcher.directory()).doesNotExist();
    }

    private static ByteBuffer frame(byte[] payload) {
        return ByteBuffer.allocate(4 + payload.length)
                .putInt(payload.length)
                .put(payload)
                .flip();
    }
}
