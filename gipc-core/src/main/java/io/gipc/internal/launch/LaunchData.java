package io.gipc.internal.launch;

import java.io.Serializable;

/**
 * What a child reads from its stdin at start: never argv, environment or stdout.
 *
 * @param name the child's name
 * @param controlSocket the parent's control socket
 * @param token proves to the parent which child is connecting
 * @param task the serialized task
 */
record LaunchData(String name, String controlSocket, byte[] token, byte[] task) implements Serializable {}
