package io.gipc.internal.launch;

import io.gipc.GipcException;
import io.gipc.internal.Timeouts;
import io.gipc.internal.pipe.Handoffs;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** The launcher's control socket: each child connects once, proves its token and reports what happens to it. */
final class ControlServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("io.gipc.launch");

    private final Path path;
    private final ServerSocketChannel listener;
    private final Map<String, ChildHandle> expected = new ConcurrentHashMap<>();

    ControlServer(Path directory) {
        this.path = directory.resolve(Control.SOCKET_NAME);
        try {
            listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            listener.bind(UnixDomainSocketAddress.of(path), 128);
        } catch (IOException e) {
            throw new GipcException("could not create the control socket " + path, e);
        }
        Thread.ofVirtual().name("gipc-control-accept").start(this::acceptLoop);
    }

    Path path() {
        return path;
    }

    void expect(byte[] token, ChildHandle child) {
        expected.put(HexFormat.of().formatHex(token), child);
    }

    int pendingTokens() {
        return expected.size();
    }

    void forget(byte[] token) {
        expected.remove(HexFormat.of().formatHex(token));
    }

    private void acceptLoop() {
        while (true) {
            SocketChannel ch;
            try {
                ch = listener.accept();
            } catch (IOException e) {
                return;
            }
            Thread.ofVirtual().name("gipc-control").start(() -> serve(ch));
        }
    }

    private void serve(SocketChannel ch) {
        ChildHandle child = null;
        try (ch) {
            ByteBuffer token = ByteBuffer.allocate(Control.TOKEN_LENGTH);
            Future<?> watchdog = Timeouts.closeLater(ch, 5, TimeUnit.SECONDS);
            try {
                readFully(ch, token);
            } finally {
                watchdog.cancel(false);
            }
            child = expected.remove(HexFormat.of().formatHex(token.array()));
            if (child == null) {
                LOG.log(System.Logger.Level.WARNING, "refused a control connection with an unknown token");
                return;
            }
            child.controlConnected();
            ByteBuffer msg = ByteBuffer.allocate(9);
            while (true) {
                msg.clear();
                readFully(ch, msg);
                byte type = msg.get(0);
                long value = msg.getLong(1);
                if (type == Control.ATTACHED) {
                    Handoffs.attached(value);
                } else {
                    child.report(type, value);
                }
            }
        } catch (IOException e) {
            // end of the child's control connection: it exited
        } finally {
            if (child != null) {
                child.controlClosed();
            }
        }
    }

    private static void readFully(SocketChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) {
                throw new IOException("closed");
            }
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
