package io.gipc.internal.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Removing a launcher's private directory while its readers remove their own socket files. */
class PrivateDirectoryTests {

    @TempDir
    Path base;

    @Test
    void deleteSucceedsWhileFilesInItAreRemovedByOthers() throws Exception {
        for (int round = 0; round < 200; round++) {
            PrivateDirectory dir = PrivateDirectory.create(base);
            List<Path> files = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                files.add(Files.createFile(dir.path().resolve(String.format("%016x.s", i))));
            }
            CountDownLatch go = new CountDownLatch(1);
            Thread remover = Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                    for (Path f : files.reversed()) {
                        Files.deleteIfExists(f);
                    }
                } catch (Exception e) {
                    // the directory may be gone already: that is the other side of the race
                }
            });
            go.countDown();
            dir.delete();
            assertThat(remover.join(java.time.Duration.ofSeconds(30))).isTrue();
            assertThat(dir.path()).doesNotExist();
        }
    }
}
