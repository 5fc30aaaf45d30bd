package io.gipc.sample.docs;

import io.gipc.ChildProcess;
import io.gipc.GipcProcess;
import io.gipc.Pipe;
import io.gipc.PipeReader;
import io.gipc.PipeWriter;
import io.gipc.autoconfigure.GipcProcessLauncher;
import java.time.Duration;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;

/**
 * The Spring snippets of {@code README.md} ("Quick start: Spring Boot"), kept here so that the build compiles them:
 * the classes below this one. Not component-scanned: the sample application scans {@code src/main} only.
 */
final class SpringSnippets {

    private SpringSnippets() {}
}

/** A bean the entry point uses in the child. */
@Service
class Thumbnailer {
    String thumbnail(String path) {
        return path + ".thumb.png";
    }
}

// README.md, "Quick start: Spring Boot" -- begin
@Component
class ThumbnailWorker {

    // Runs in a child JVM. Launch arguments bind to the first parameters; the rest are beans of the child's
    // context (SPRING mode: the application starts there without web server and runners).
    @ChildProcess("thumbnails")
    void render(PipeReader<String> paths, PipeWriter<String> done, Thumbnailer thumbnailer) {
        try (paths;
                done) {
            while (true) {
                done.put(thumbnailer.thumbnail(paths.get()));
            }
        } catch (io.gipc.GipcEofException end) {
            // the parent closed the pipe: no more work
        }
    }
}

@Service
class Thumbnails {

    private final GipcProcessLauncher launcher;

    Thumbnails(GipcProcessLauncher launcher) {
        this.launcher = launcher;
    }

    String thumbnail(String path) {
        try (Pipe<String> paths = this.launcher.pipe();
                Pipe<String> done = this.launcher.pipe()) {
            GipcProcess child = this.launcher.start("thumbnails", paths.reader(), done.writer());
            paths.writer().put(path);
            String result = done.reader().get(Duration.ofSeconds(30));
            paths.writer().close();
            child.join(Duration.ofSeconds(10));
            return result;
        }
    }
}
// README.md, "Quick start: Spring Boot" -- end
