package io.gipc.internal.launch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line of a child JVM: the same Java and class path as this one, gipc's child main class. */
final class JavaCommand {

    static final String CHILD_MAIN = "io.gipc.internal.launch.ChildMain";

    private JavaCommand() {}

    static List<String> build(List<String> launcherArguments, List<String> childArguments) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(launcherArguments);
        cmd.addAll(childArguments);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(CHILD_MAIN);
        return cmd;
    }
}
