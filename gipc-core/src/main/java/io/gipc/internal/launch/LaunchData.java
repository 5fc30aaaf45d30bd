package io.gipc.internal.launch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What a child reads from its stdin at start: never argv, environment or stdout.
 *
 * <p>Written as plain length-prefixed fields, not with Java serialization: reading a record through
 * {@code ObjectInputStream} builds its constructor's method-handle chain, which in a JVM that has not done it yet
 * costs tens of milliseconds of a child's start.
 *
 * @param name the child's name
 * @param controlSocket the parent's control socket
 * @param token proves to the parent which child is connecting
 * @param task the serialized task
 */
record LaunchData(String name, String controlSocket, byte[] token, byte[] task) {

    byte[] toBytes() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + task.length);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writeField(out, name.getBytes(StandardCharsets.UTF_8));
            writeField(out, controlSocket.getBytes(StandardCharsets.UTF_8));
            writeField(out, token);
            writeField(out, task);
        }
        return bytes.toByteArray();
    }

    static LaunchData fromBytes(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        String name = new String(readField(in), StandardCharsets.UTF_8);
        String controlSocket = new String(readField(in), StandardCharsets.UTF_8);
        byte[] token = readField(in);
        byte[] task = readField(in);
        if (in.available() != 0) {
            throw new IOException("the launch data has " + in.available() + " bytes after its last field");
        }
        return new LaunchData(name, controlSocket, token, task);
    }

    private static void writeField(DataOutputStream out, byte[] field) throws IOException {
        out.writeInt(field.length);
        out.write(field);
    }

    private static byte[] readField(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IOException("a launch data field claims " + length + " bytes; " + in.available() + " are left");
        }
        return in.readNBytes(length);
    }
}
