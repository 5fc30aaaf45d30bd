package io.gipc.internal.launch;

import io.gipc.ChildOptions;
import io.gipc.ChildTask;
import io.gipc.GipcException;
import io.gipc.LauncherConfig;
import io.gipc.internal.pipe.Secrets;
import io.gipc.internal.pipe.Transfer;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.ProcessBuilder.Redirect;
import java.util.List;

/**
 * Starts one child: serializes the task (moving its handles), spawns the JVM, writes the launch data to its stdin
 * and keeps stdin open (its end of file tells the child that the parent died).
 */
final class ChildStarter {

    private ChildStarter() {}

    static ChildHandle start(
            LauncherConfig config,
            ControlServer control,
            ChildPool pool,
            String name,
            ChildTask task,
            ChildOptions options) {
        if (task == null) {
            throw new IllegalArgumentException("task must not be null");
        }
        validate(name, options);
        List<String> command = JavaCommand.build(config, options.jvmArguments());
        Transfer transfer = new Transfer();
        byte[] taskBytes = transfer.serialize(task);
        // From here on the task's handles are locked: every failure before commit must give them back.
        byte[] token = Secrets.bytes(Control.TOKEN_LENGTH);
        ChildHandle child = new ChildHandle(name);
        Process process;
        try {
            control.expect(token, child);
            process = pool != null && ChildPool.accepts(options) ? pool.take() : null;
            if (process == null) {
                ProcessBuilder builder = new ProcessBuilder(command)
                        .redirectInput(Redirect.PIPE)
                        .redirectOutput(options.output())
                        .redirectError(options.error());
                builder.environment().putAll(options.environment());
                process = builder.start();
            }
        } catch (IOException | RuntimeException e) {
            transfer.rollback();
            control.forget(token);
            throw new GipcException("could not start child '" + name + "' with " + command.get(0) + ": " + e, e);
        }
        child.attach(process);
        transfer.commit(child);
        process.onExit()
                .thenRunAsync(
                        () -> {
                            // a child that never connected leaves its token behind otherwise
                            control.forget(token);
                            child.processExited();
                        },
                        command2 -> Thread.ofVirtual().start(command2));
        try {
            OutputStream stdin = process.getOutputStream();
            DataOutputStream out = new DataOutputStream(stdin);
            byte[] launch = new LaunchData(name, control.path().toString(), token, taskBytes).toBytes();
            out.writeInt(launch.length);
            out.write(launch);
            out.flush();
        } catch (IOException e) {
            // The child died before reading its launch data: awaitReady() reports how it exited.
        }
        return child;
    }

    /**
     * Refuses options the OS cannot pass to a new process, before the task's handles are locked: names and values
     * the environment cannot hold, and NUL characters in JVM arguments.
     */
    static void validate(String name, ChildOptions options) {
        options.environment().forEach((key, value) -> {
            if (key.isEmpty() || key.indexOf('=') >= 0 || key.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("child '" + name + "': environment variable name '" + printable(key)
                        + "' is not valid (it must be non-empty, without '=' or NUL)");
            }
            if (value.indexOf('\0') >= 0) {
                throw new IllegalArgumentException(
                        "child '" + name + "': the value of environment variable " + key + " contains a NUL character");
            }
        });
        for (String argument : options.jvmArguments()) {
            if (argument.indexOf('\0') >= 0) {
                throw new IllegalArgumentException(
                        "child '" + name + "': JVM argument '" + printable(argument) + "' contains a NUL character");
            }
        }
    }

    private static String printable(String s) {
        return s.replace("\0", "\\0");
    }
}
