package io.gipc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The default codec between real JVMs: children started without extra JVM options. */
class KryoChildTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    final LauncherExtension ext = new LauncherExtension();

    @TempDir
    Path tmp;

    record Reading(String sensor, double value) {}

    record Unlisted(String value) {}

    static final class SensorFailedException extends Exception {
        final String sensor;

        SensorFailedException(String sensor, Throwable cause) {
            super("sensor " + sensor + " failed", cause);
            this.sensor = sensor;
        }
    }

    @Test
    void aChildSendsJdkTypesAndWholeExceptionsThroughAPipe() {
        ProcessLauncher launcher = ext.launcher();
        Pipe<Object> pipe = launcher.pipe();
        PipeWriter<Object> writer = pipe.writer();
        UUID id = UUID.randomUUID();
        GipcProcess child = launcher.start(() -> {
            EnumMap<TimeUnit, String> units = new EnumMap<>(TimeUnit.class);
            units.put(TimeUnit.SECONDS, "s");
            writer.put(List.of(
                    id,
                    Path.of("/var/data"),
                    Locale.forLanguageTag("sr-Latn-RS"),
                    Collections.unmodifiableList(new ArrayList<>(List.of(1, 2))),
                    units,
                    new AtomicLong(5),
                    ZonedDateTime.of(2024, 3, 31, 2, 30, 0, 0, java.time.ZoneId.of("Europe/Paris")),
                    String.class,
                    "x".repeat(64_000)));
            SensorFailedException failure = new SensorFailedException("t1", new java.io.IOException("bus error"));
            failure.addSuppressed(new IllegalStateException("reset failed"));
            writer.put(failure);
        });

        List<?> values = (List<?>) pipe.reader().get(WAIT);
        Object failure = pipe.reader().get(WAIT);

        assertThat(values.get(0)).isEqualTo(id);
        assertThat(values.get(1)).isEqualTo(Path.of("/var/data"));
        assertThat(((Locale) values.get(2)).getScript()).isEqualTo("Latn");
        assertThat(values.get(3)).isEqualTo(List.of(1, 2));
        assertThat(values.get(4)).isEqualTo(Map.of(TimeUnit.SECONDS, "s"));
        assertThat(((AtomicLong) values.get(5)).get()).isEqualTo(5);
        assertThat(values.get(6))
                .isEqualTo(ZonedDateTime.of(2024, 3, 31, 2, 30, 0, 0, java.time.ZoneId.of("Europe/Paris")));
        assertThat(values.get(7)).isSameAs(String.class);
        assertThat((String) values.get(8)).hasSize(64_000);
        assertThat(failure).isInstanceOf(SensorFailedException.class);
        SensorFailedException sensorFailure = (SensorFailedException) failure;
        assertThat(sensorFailure).hasMessage("sensor t1 failed");
        assertThat(sensorFailure.sensor).isEqualTo("t1");
        assertThat(sensorFailure.getCause())
                .isInstanceOf(java.io.IOException.class)
                .hasMessage("bus error");
        assertThat(sensorFailure.getSuppressed()).singleElement().isInstanceOf(IllegalStateException.class);
        assertThat(sensorFailure.getStackTrace()[0].getMethodName()).contains("aChildSendsJdkTypesAndWholeExceptions");
        assertThat(child.join(WAIT)).isTrue();
        assertThat(child.exitCode()).hasValue(0);
    }

    @Test
    void aStrictCodecTravelsWithItsHandleAndRefusesOtherClassesInTheChild() {
        ProcessLauncher launcher = ext.launcher();
        Codec<Object> strict = Codec.kryo(KryoOptions.defaults().allowing(Reading.class));
        Pipe<Object> pipe = launcher.pipe(strict);
        PipeWriter<Object> writer = pipe.writer();
        GipcProcess child = launcher.start(() -> {
            writer.put(new Reading("t1", 21.5));
            try {
                writer.put(new Unlisted("not allowed"));
                writer.put("the unlisted class was sent");
            } catch (GipcException e) {
                writer.put("refused: " + e.getMessage());
            }
            writer.put(List.of(LocalDate.of(2024, 1, 1), Map.of("k", 1)));
        });

        assertThat(pipe.reader().get(WAIT)).isEqualTo(new Reading("t1", 21.5));
        assertThat((String) pipe.reader().get(WAIT))
                .startsWith("refused: ")
                .contains(Unlisted.class.getName())
                .contains("allow-list");
        assertThat(pipe.reader().get(WAIT)).isEqualTo(List.of(LocalDate.of(2024, 1, 1), Map.of("k", 1)));
        assertThat(child.join(WAIT)).isTrue();
    }

    @Test
    void neitherAParentNorItsChildPrintsSunMiscUnsafeWarnings() throws Exception {
        String stderr = runProbe();
        assertThat(stderr).doesNotContain("sun.misc.Unsafe").doesNotContain("terminally deprecated");
    }

    @Test
    void theCodecNeedsNoJavaSqlModule() throws Exception {
        runProbe("--limit-modules", "java.base,jdk.unsupported");
    }

    /** Runs {@link UnsafeWarningProbe} in a fresh JVM with the given options; returns its stderr. */
    private String runProbe(String... options) throws Exception {
        File out = tmp.resolve("out.txt").toFile();
        File err = tmp.resolve("err.txt").toFile();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(options));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), UnsafeWarningProbe.class.getName()));
        Process probe = new ProcessBuilder(command)
                .redirectOutput(out)
                .redirectError(err)
                .start();
        try {
            assertThat(probe.waitFor(90, TimeUnit.SECONDS))
                    .as("the probe JVM exits")
                    .isTrue();
        } finally {
            probe.destroyForcibly();
        }
        String stderr = read(err);
        assertThat(probe.exitValue()).as("exit code; stderr: %s", stderr).isZero();
        assertThat(read(out)).contains("probe done: parent:1:2 child:2:2");
        return stderr;
    }

    private static String read(File file) throws IOException {
        return Files.readString(file.toPath());
    }
}
