package io.gipc.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Architecture: {@code io.gipc.internal} is gipc-core's implementation, so no source outside gipc-core imports it.
 * Scans the Java sources of this module and of the sample application; nothing is excluded.
 */
class NoInternalImportsTests {

    private static final List<Path> SOURCE_ROOTS = List.of(Path.of("src"), Path.of("../sample-app/src"));

    @Test
    void noSourceOutsideGipcCoreImportsItsInternals() throws IOException {
        assertThat(SOURCE_ROOTS).allSatisfy(root -> assertThat(root).isDirectory());
        List<String> offenders = new java.util.ArrayList<>();
        for (Path root : SOURCE_ROOTS) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file :
                        files.filter(path -> path.toString().endsWith(".java")).toList()) {
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        String line = lines.get(i).strip();
                        if (line.startsWith("import io.gipc.internal")
                                || line.startsWith("import static io.gipc.internal")) {
                            offenders.add(file + ":" + (i + 1) + ": " + line);
                        }
                    }
                }
            }
        }
        assertThat(offenders)
                .as("imports of io.gipc.internal outside gipc-core")
                .isEmpty();
    }
}
