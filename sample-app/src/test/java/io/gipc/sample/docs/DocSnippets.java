package io.gipc.sample.docs;

import io.gipc.ChildOptions;
import io.gipc.Codec;
import io.gipc.DuplexHandle;
import io.gipc.DuplexPipe;
import io.gipc.Gipc;
import io.gipc.GipcBrokenPipeException;
import io.gipc.GipcEofException;
import io.gipc.GipcException;
import io.gipc.GipcProcess;
import io.gipc.GipcTimeoutException;
import io.gipc.KryoOptions;
import io.gipc.LauncherConfig;
import io.gipc.Pipe;
import io.gipc.PipeReader;
import io.gipc.PipeWriter;
import io.gipc.ProcessLauncher;
import io.gipc.WorkerPool;
import io.gipc.WorkerPoolOptions;
import io.gipc.WorkerPoolStats;
import java.io.File;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.imageio.ImageIO;

/**
 * Every snippet of plain-Java code in {@code README.md} and {@code docs/guide.md}, kept here so that the build
 * compiles it: a method per snippet, named after the section it appears in. When you change a snippet in the docs,
 * change it here too (and the other way round). {@link DocSnippetsTests} runs those that start children.
 */
@SuppressWarnings({"unused", "try"})
public final class DocSnippets {

    private DocSnippets() {}

    /** README.md, "Quick start: the core API"; guide.md, "A first child". */
    static void readmeQuickStart() {
        try (Pipe<String> pipe = Gipc.pipe()) {
            PipeReader<String> reader = pipe.reader(); // capture only the end the child needs
            GipcProcess child = Gipc.start(() -> System.out.println("child got: " + reader.get()));
            pipe.writer().put("hello");
            child.join();
            System.out.println("child exited with " + child.exitCode().getAsInt()); // 0
        }
    }

    /** guide.md, "Pipes". */
    static void pipes() {
        try (Pipe<Object> pipe = Gipc.pipe()) {
            PipeWriter<Object> writer = pipe.writer();
            PipeReader<Object> reader = pipe.reader();
            writer.put(List.of(1, 2, 3)); // any object graph: records, collections, null, cycles
            writer.put(null);
            Object first = reader.get(); // [1, 2, 3]
            Object second = reader.get(Duration.ofSeconds(5)); // null; GipcTimeoutException after 5 s
            writer.close(); // the reader gets what was written, then end of stream
            try {
                reader.get();
            } catch (GipcEofException end) {
                System.out.println("writer closed: " + end.getMessage());
            }
        }
    }

    /** guide.md, "Pipes" (duplex). */
    static void duplex() throws Exception {
        try (DuplexPipe<String> pipe = Gipc.duplexPipe()) {
            DuplexHandle<String> childEnd = pipe.first();
            DuplexHandle<String> parentEnd = pipe.second();
            GipcProcess child = Gipc.start(() -> {
                try (childEnd) {
                    String question = childEnd.get();
                    childEnd.put(question.toUpperCase());
                }
            });
            parentEnd.put("ping");
            System.out.println(parentEnd.get()); // PING
            child.join();
        }
    }

    /** guide.md, "Codecs". */
    static void codecs() {
        Pipe<byte[]> bytes = Gipc.pipe(Codec.raw()); // no encoding: byte[] in, byte[] out
        Codec<String> utf8 = Codec.of(
                text -> text.getBytes(StandardCharsets.UTF_8), data -> new String(data, StandardCharsets.UTF_8));
        Pipe<String> lines = Gipc.pipe(utf8);
        bytes.close();
        lines.close();
    }

    /** An order, in "Making it strict". */
    record Order(String id, List<OrderLine> lines) {}

    /** A line of an order, in "Making it strict". */
    record OrderLine(String item, int quantity) {}

    /** guide.md, "Making it strict". */
    static void strictCodec() {
        Codec<Object> strict = Codec.kryo(KryoOptions.defaults()
                .allowing(Order.class, OrderLine.class)
                .allowingPackages("com.example.messages")
                .denying("com.example.messages.Internal"));
        Pipe<Object> orders = Gipc.pipe(strict);
        orders.close();
    }

    /** guide.md, "Children". */
    static void children() {
        GipcProcess child = Gipc.start(
                () -> System.out.println("working"),
                ChildOptions.named("worker")
                        .withJvmArguments("-Xmx64m")
                        .withEnvironment("MODE", "batch")
                        .withOutput(Redirect.appendTo(new File("worker.log"))));
        if (!child.join(Duration.ofSeconds(30))) {
            child.terminate(); // SIGTERM: shutdown hooks run; exit code -15
            if (!child.join(Duration.ofSeconds(10))) {
                child.kill(); // SIGKILL: exit code -9
                child.join();
            }
        }
        int code = child.exitCode().orElseThrow(); // 0 returned, 1 threw, n System.exit(n), -N signal N
    }

    /** guide.md, "Children" (own launcher). */
    static void ownLauncher() {
        LauncherConfig config = LauncherConfig.defaults()
                .withJvmArguments(List.of("-XX:+UseSerialGC", "-Xmx128m"))
                .withShutdownTimeout(Duration.ofSeconds(5));
        try (ProcessLauncher launcher = ProcessLauncher.create(config)) {
            Pipe<String> pipe = launcher.pipe();
            PipeWriter<String> writer = pipe.writer();
            launcher.start(() -> writer.put("from " + ProcessHandle.current().pid()));
            System.out.println(pipe.reader().get());
        } // closing the launcher terminates its children
    }

    /** guide.md, "Handles move into children": wrong, then right. */
    static void captureOnlyTheEnd() {
        Pipe<String> pipe = Gipc.pipe();

        // Wrong: the lambda captures `pipe`, so BOTH ends move to the child...
        Gipc.start(() -> System.out.println(pipe.reader().get()));
        // ...and this put fails with GipcClosedException: the end "was moved to" the child; "capture only the end".
        // pipe.writer().put("lost");

        // Right: capture only the end the child needs.
        Pipe<String> other = Gipc.pipe();
        PipeReader<String> reader = other.reader();
        Gipc.start(() -> System.out.println(reader.get()));
        other.writer().put("hello"); // the writer stayed here
    }

    /** guide.md, "Handles move into children": handles inside objects. */
    record Channels(PipeReader<String> jobs, PipeWriter<String> results) implements java.io.Serializable {}

    /** guide.md, "Handles move into children": handles inside objects. */
    static void handlesInsideObjects() {
        Pipe<String> jobs = Gipc.pipe();
        Pipe<String> results = Gipc.pipe();
        Channels channels = new Channels(jobs.reader(), results.writer());
        Gipc.start(() -> {
            String job;
            while (!(job = channels.jobs().get()).isEmpty()) {
                channels.results().put(job + " done");
            }
        });
        jobs.writer().put("a");
        System.out.println(results.reader().get()); // a done
        jobs.writer().put("");
    }

    /** guide.md, "Worker pools". */
    static void workerPools() {
        try (WorkerPool pool = Gipc.workerPool(2)) {
            CompletableFuture<Long> pid =
                    pool.submit(() -> ProcessHandle.current().pid());
            System.out.println("ran in worker " + pid.join()); // another JVM's pid
            List<Integer> lengths = pool.map(String::length, List.of("a", "bb", "ccc")); // [1, 2, 3], in input order
            System.out.println(lengths);
        } // close(): queued and running tasks finish, then the workers exit
    }

    /** guide.md, "Worker pools": options. */
    static void workerPoolOptions(ProcessLauncher launcher) {
        WorkerPoolOptions options = WorkerPoolOptions.of(4)
                .named("thumbnails") // worker names thumbnails-worker-1, ...; messages and metrics
                .withMaxTasksPerWorker(500) // a worker exits after 500 tasks and is replaced
                .withTaskTimeout(Duration.ofSeconds(30)) // a longer task fails; its worker is killed and replaced
                .withChildOptions(ChildOptions.defaults().withJvmArguments("-Xmx256m"))
                .withWarmUp(ImageIO::getReaderFormatNames); // each new worker runs it first: loads ImageIO
        try (WorkerPool pool = launcher.workerPool(options)) {
            WorkerPoolStats stats = pool.stats(); // alive, busy, queued, tasks by outcome, each worker's pid
        }
    }

    /** guide.md, "Worker pools": handles moved into a task. */
    static void workerPoolHandles() {
        try (WorkerPool pool = Gipc.workerPool(1);
                Pipe<String> progress = Gipc.pipe()) {
            PipeWriter<String> writer = progress.writer();
            CompletableFuture<Integer> answer = pool.submit(() -> {
                writer.put("halfway"); // the writer moved into the worker for this task
                return 42;
            });
            System.out.println(progress.reader().get()); // halfway
            System.out.println(answer.join()); // 42; the worker closed its end when the task ended
        }
    }

    /** guide.md, "Errors". */
    static void errors(PipeReader<String> reader, PipeWriter<String> writer) {
        try {
            String message = reader.get(Duration.ofSeconds(10));
        } catch (GipcTimeoutException timeout) {
            // nothing arrived in time; no message was consumed, the pipe stays usable
        } catch (GipcEofException eof) {
            // the writer closed its end or its process died: every message before that was delivered
        }
        try {
            writer.put("work");
        } catch (GipcBrokenPipeException broken) {
            // the reader is gone (closed, or its process died)
        } catch (GipcException other) {
            // the message could not be encoded, or was too large: nothing was written
        }
    }

    /** guide.md, "Virtual threads". */
    static void virtualThreads() throws Exception {
        try (Pipe<Integer> pipe = Gipc.pipe();
                ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            PipeWriter<Integer> writer = pipe.writer();
            GipcProcess child = Gipc.start(() -> {
                for (int i = 0; i < 1000; i++) {
                    writer.put(i);
                }
            });
            PipeReader<Integer> reader = pipe.reader();
            for (int i = 0; i < 4; i++) {
                threads.submit(() -> {
                    try {
                        while (true) {
                            System.out.println(reader.get()); // parks the virtual thread, never its carrier
                        }
                    } catch (GipcEofException end) {
                        return null;
                    }
                });
            }
            child.join();
        }
    }
}
