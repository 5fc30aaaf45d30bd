package io.gipc.internal.pool;

import io.gipc.ChildTask;
import io.gipc.Codec;
import io.gipc.DuplexHandle;
import io.gipc.GipcEofException;
import java.io.Serial;

/**
 * The task of a worker JVM: reads requests from its pool until the pool closes its end of the channel, runs each
 * and writes back its reply. Exits normally (status 0) on end of file.
 */
final class WorkerLoop implements ChildTask {

    @Serial
    private static final long serialVersionUID = 1L;

    private final DuplexHandle<byte[]> channel;
    private final Codec<Object> codec;

    WorkerLoop(DuplexHandle<byte[]> channel, Codec<Object> codec) {
        this.channel = channel;
        this.codec = codec;
    }

    @Override
    public void run() {
        TaskRunner runner = new TaskRunner(codec);
        try (channel) {
            while (true) {
                byte[] request;
                try {
                    request = channel.get();
                } catch (GipcEofException e) {
                    return;
                }
                channel.put(runner.run(request));
            }
        }
    }
}
