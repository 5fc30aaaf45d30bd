package io.gipc.internal.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.gipc.GipcProcess;
import io.gipc.LauncherConfig;
import io.gipc.Pipe;
import io.gipc.PipeWriter;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The children's AOT cache: used when the class path is jars only, trained once in the background, private to its
 * user; a corrupted file never breaks a start, and a class path with directories starts children without it.
 *
 * <p>The end-to-end test runs an application from jars (this module's classes, jarred here) in a JVM of its own,
 * which starts children and reports, line by line, how they were started and what they sent.
 */
class AotCacheTests {

    private static final Duration TRAINING = Duration.ofSeconds(120);

    @TempDir
    Path tmp;

    @Test
    void aClassPathWithADirectoryStartsChildrenWithoutACache() throws Exception {
        Path jar = tmp.resolve("app.jar");
        jar(Files.createDirectory(tmp.resolve("app")), jar);
        Path dir = Files.createDirectory(tmp.resolve("classes"));
        assertThat(AotCache.unusable(jar + File.pathSeparator + dir)).contains("is not a jar");
        assertThat(AotCache.unusable(System.getProperty("java.class.path"))).isNotNull();
        assertThat(AotCache.arguments(tmp.resolve("cache"), List.of())).isEmpty();
        assertThat(tmp.resolve("cache")).doesNotExist();
    }

    @Test
    void aJarWhoseManifestNamesADirectoryStartsChildrenWithoutACache() throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, "lib/a.jar classes/");
        Path jar = tmp.resolve("booter.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.flush();
        }
        assertThat(AotCache.unusable(jar.toString())).contains("classes/");
    }

    @Test
    void aDirectoryOthersCanReadIsNotUsed() throws Exception {
        Path open = Files.createDirectory(tmp.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(AotCache.privateDirectory(open)).isNull();
        Path created = AotCache.privateDirectory(tmp.resolve("made").resolve("aot"));
        assertThat(created).isNotNull();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(created)))
                .isEqualTo("rwx------");
    }

    @Test
    void childrenOfAnApplicationRunFromJarsUseTheTrainedCacheAndSurviveACorruptedOne() throws Exception {
        Path cache = tmp.resolve("aot");
        Process app = new ProcessBuilder(
                        ProcessHandle.current().info().command().orElseThrow(),
                        "-cp",
                        jarredClassPath(),
                        AotCacheTests.class.getName(),
                        cache.toString())
                .redirectErrorStream(true)
                .start();
        Map<String, String> report = new LinkedHashMap<>();
        List<String> other = new ArrayList<>();
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
            for (String line; (line = out.readLine()) != null; ) {
                int colon = line.indexOf(": ");
                if (colon > 0 && line.startsWith("aot-")) {
                    report.put(line.substring(0, colon), line.substring(colon + 2));
                } else {
                    other.add(line);
                }
            }
            assertThat(app.waitFor(TRAINING.toSeconds() + 60, TimeUnit.SECONDS)).isTrue();
        } finally {
            app.destroyForcibly();
            app.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(app.exitValue())
                .as("the application's exit code; its output: %s", other)
                .isZero();
        assertThat(report.get("aot-first")).doesNotContain("-XX:AOTCache=");
        assertThat(report.get("aot-first-sent")).isEqualTo("sent exit=0");
        assertThat(report.get("aot-cache")).endsWith(".aot");
        assertThat(report.get("aot-trained")).contains("-XX:AOTCache=" + report.get("aot-cache"));
        assertThat(report.get("aot-trained-sent")).isEqualTo("sent exit=0");
        assertThat(report.get("aot-corrupted")).contains("-XX:AOTCache=");
        assertThat(report.get("aot-corrupted-sent")).isEqualTo("sent exit=0");
        assertThat(report.get("aot-directory")).isEqualTo("rwx------");
        assertThat(report.get("aot-other-cache"))
                .as("the cache of the same key in another directory")
                .endsWith(".aot");
        assertThat(other).as("nothing else printed, by children or the JDK").isEmpty();
    }

    /** The application of the end-to-end test: {@code args[0]} is the cache directory. */
    public static void main(String[] args) throws Exception {
        Path cache = Path.of(args[0]);
        DefaultProcessLauncher launcher =
                new DefaultProcessLauncher(LauncherConfig.defaults().withAotCache(cache));
        try {
            report(launcher, "aot-first");
            Path file = awaitCacheFile(cache);
            System.out.println("aot-cache: " + file);
            report(launcher, "aot-trained");
            try (OutputStream garbage = Files.newOutputStream(file)) {
                garbage.write("not an AOT cache".getBytes(StandardCharsets.US_ASCII));
            }
            report(launcher, "aot-corrupted");
            System.out.println("aot-directory: " + PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)));
        } finally {
            launcher.close(Duration.ofSeconds(5));
        }
        // a second launcher of this JVM with the same JVM arguments and another directory trains its own file
        Path elsewhere = cache.resolveSibling("other-aot");
        DefaultProcessLauncher second =
                new DefaultProcessLauncher(LauncherConfig.defaults().withAotCache(elsewhere));
        try {
            report(second, "aot-other-first");
            System.out.println("aot-other-cache: " + awaitCacheFile(elsewhere));
        } finally {
            second.close(Duration.ofSeconds(5));
        }
        System.exit(0);
    }

    /** Starts a child that sends its JVM arguments, and prints them and how it ended. */
    private static void report(DefaultProcessLauncher launcher, String label) {
        try (Pipe<String> pipe = launcher.pipe()) {
            PipeWriter<String> writer = pipe.writer();
            GipcProcess child = launcher.start(() -> writer.put(
                    String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments())));
            String arguments = pipe.reader().get(Duration.ofSeconds(60));
            boolean ended = child.join(Duration.ofSeconds(60));
            System.out.println(label + ": " + arguments);
            System.out.println(
                    label + "-sent: sent exit=" + (ended ? child.exitCode().orElse(-1) : "none"));
        }
    }

    private static Path awaitCacheFile(Path cache) throws Exception {
        long deadline = System.nanoTime() + TRAINING.toNanos();
        while (System.nanoTime() - deadline < 0) {
            if (Files.isDirectory(cache)) {
                try (Stream<Path> files = Files.list(cache)) {
                    var done = files.filter(p -> p.toString().endsWith(".aot")).findFirst();
                    if (done.isPresent()) {
                        return done.get();
                    }
                }
            }
            Thread.sleep(50); // polling a directory that announces nothing; bounded by the deadline above
        }
        throw new AssertionError("no AOT cache file in " + cache + " within " + TRAINING);
    }

    /** This test's class path with every directory replaced by a jar of it. */
    private String jarredClassPath() throws IOException {
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (Files.isDirectory(p)) {
                Path jar = tmp.resolve("jarred-" + n++ + ".jar");
                jar(p, jar);
                entries.add(jar.toString());
            } else if (Files.isRegularFile(p) && entry.endsWith(".jar")) {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static void jar(Path dir, Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
                Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(dir.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
    }
}
