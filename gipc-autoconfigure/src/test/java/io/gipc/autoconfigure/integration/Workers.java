package io.gipc.autoconfigure.integration;

import io.gipc.ChildProcess;
import io.gipc.ChildProcess.Mode;
import io.gipc.DuplexHandle;
import io.gipc.GipcEofException;
import io.gipc.PipeReader;
import io.gipc.PipeWriter;
import io.gipc.autoconfigure.integration.GipcTestApplication.Greeter;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** The entry points of the test application. */
@Component
class Workers {

    /**
     * Spring mode: answers one greeting using the injected {@link Greeter}, then stays until the parent closes its
     * end or terminates the child.
     */
    @ChildProcess("greeter")
    void greet(DuplexHandle<String> channel, Greeter greeter, Environment environment) {
        String name = channel.get();
        channel.put(greeter.greet(name)
                + "|profiles=" + String.join(",", environment.getActiveProfiles())
                + "|runners=" + GipcTestApplication.runnerCalls.get()
                + "|port=" + environment.getProperty("local.server.port", "none")
                + "|spring=" + environment.getProperty("gipc.child.entry-point"));
        try {
            channel.get();
        } catch (GipcEofException ex) {
            // the parent closed its end: done
        }
    }

    /** Plain mode: upper-cases every word until the writer closes. */
    @ChildProcess(value = "upper", mode = Mode.PLAIN)
    static void upper(PipeReader<String> words, PipeWriter<String> shouts) {
        try {
            while (true) {
                shouts.put(words.get().toUpperCase(Locale.ROOT));
            }
        } catch (GipcEofException ex) {
            shouts.close();
        }
    }

    /** Plain mode: a child whose shutdown hook never ends, so only SIGKILL stops it. */
    @ChildProcess(value = "stubborn", mode = Mode.PLAIN)
    static void stubborn(PipeReader<String> never, PipeWriter<String> ready) throws InterruptedException {
        CountDownLatch forever = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                forever.await();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }));
        ready.put("ready");
        never.get();
    }
}
