package io.gipc.autoconfigure;

import io.gipc.ChildOptions;
import io.gipc.ChildTask;
import io.gipc.Codec;
import io.gipc.DuplexPipe;
import io.gipc.GipcProcess;
import io.gipc.Pipe;
import io.gipc.PipeStats;
import io.gipc.ProcessLauncher;
import io.gipc.WorkerPool;
import io.gipc.WorkerPoolOptions;
import java.util.List;

/** A user-defined launcher for back-off tests: it has no children and makes no pipes. */
class NoChildrenLauncher implements ProcessLauncher {

    @Override
    public <T> Pipe<T> pipe() {
        throw new UnsupportedOperationException();
    }

    @Override
    public <T> Pipe<T> pipe(Codec<T> c) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <T> DuplexPipe<T> duplexPipe() {
        throw new UnsupportedOperationException();
    }

    @Override
    public <T> DuplexPipe<T> duplexPipe(Codec<T> c) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <T> Pipe<T> pipe(String name, Codec<T> c) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <T> DuplexPipe<T> duplexPipe(String name, Codec<T> c) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <T> Pipe<T> pipe(String name, Codec<T> c, int maxMessageSize) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <T> DuplexPipe<T> duplexPipe(String name, Codec<T> c, int maxMessageSize) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<PipeStats> pipeStats() {
        return List.of();
    }

    @Override
    public GipcProcess start(ChildTask task) {
        throw new UnsupportedOperationException();
    }

    @Override
    public GipcProcess start(ChildTask task, ChildOptions o) {
        throw new UnsupportedOperationException();
    }

    @Override
    public WorkerPool workerPool(WorkerPoolOptions options) {
        throw new UnsupportedOperationException("this test launcher starts no workers");
    }

    @Override
    public List<GipcProcess> children() {
        return List.of();
    }

    @Override
    public void close() {}
}
