package io.gipc.autoconfigure;

import io.gipc.GipcProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A child that exists only in memory: it exits when a test says so, or when signalled. */
final class FakeProcess implements GipcProcess {

    private final long pid;

    private final String name;

    private final Instant startTime = Instant.now();

    private final CompletableFuture<GipcProcess> exit = new CompletableFuture<>();

    private volatile OptionalInt exitCode = OptionalInt.empty();

    FakeProcess(long pid, String name) {
        this.pid = pid;
        this.name = name;
    }

    void exit(int code) {
        this.exitCode = OptionalInt.of(code);
        this.exit.complete(this);
    }

    @Override
    public long pid() {
        return this.pid;
    }

    @Override
    public String name() {
        return this.name;
    }

    @Override
    public Instant startTime() {
        return this.startTime;
    }

    @Override
    public boolean isAlive() {
        return !this.exit.isDone();
    }

    @Override
    public OptionalInt exitCode() {
        return this.exitCode;
    }

    @Override
    public void join() {
        this.exit.join();
    }

    @Override
    public boolean join(Duration timeout) {
        try {
            this.exit.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException ex) {
            return false;
        } catch (InterruptedException | ExecutionException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void terminate() {
        exit(-15);
    }

    @Override
    public void kill() {
        exit(-9);
    }

    @Override
    public CompletableFuture<GipcProcess> onExit() {
        return this.exit;
    }
}
