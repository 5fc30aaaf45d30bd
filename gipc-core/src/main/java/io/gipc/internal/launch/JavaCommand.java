package io.gipc.internal.launch;

import io.gipc.LauncherConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

/**
 * The command line of a child JVM: the same Java and class path as this one, gipc's child main class.
 *
 * <p>A Spring Boot executable jar keeps its libraries inside the jar (BOOT-INF/lib), where a plain class path
 * cannot reach them; such a child is started through Spring Boot's {@code PropertiesLauncher} with
 * {@code loader.main} naming gipc's main class, so it sees the application's classes and libraries.
 */
final class JavaCommand {

    static final String CHILD_MAIN = "io.gipc.internal.launch.ChildMain";
    static final String BOOT_PROPERTIES_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    private JavaCommand() {}

    /**
     * The command of a child with the launcher's JVM arguments, then the child's own, then those of the AOT cache
     * when one is ready for exactly these arguments.
     */
    static List<String> build(LauncherConfig config, List<String> childArguments) {
        List<String> jvmArguments = new ArrayList<>(config.jvmArguments());
        jvmArguments.addAll(childArguments);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArguments);
        cmd.addAll(AotCache.arguments(config.aotCache(), jvmArguments));
        String classPath = System.getProperty("java.class.path");
        cmd.add("-cp");
        cmd.add(classPath);
        if (isBootJar(classPath)) {
            cmd.add("-Dloader.main=" + CHILD_MAIN);
            cmd.add(BOOT_PROPERTIES_LAUNCHER);
        } else {
            cmd.add(CHILD_MAIN);
        }
        return cmd;
    }

    /** Whether the class path is a single Spring Boot executable jar. */
    static boolean isBootJar(String classPath) {
        if (classPath == null || classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar")) {
            return false;
        }
        Path jar = Path.of(classPath);
        if (!Files.isRegularFile(jar)) {
            return false;
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            var manifest = file.getManifest();
            String main = manifest == null ? null : manifest.getMainAttributes().getValue("Main-Class");
            return main != null && main.startsWith("org.springframework.boot.loader.");
        } catch (IOException e) {
            // an unreadable jar: start the plain way, and let the child report what it cannot load
            return false;
        }
    }
}
