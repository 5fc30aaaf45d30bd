package io.gipc.internal.pipe;

/** An end being serialized into a child's task: it is locked until the move is committed or rolled back. */
interface Movable {

    void commitMove(MoveTarget target, boolean wholePipe);

    void rollbackMove();
}
