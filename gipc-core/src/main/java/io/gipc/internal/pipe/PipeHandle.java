package io.gipc.internal.pipe;

/** Marks the classes of pipe handles, which travel only inside a child's task, never inside a message. */
public interface PipeHandle {}
