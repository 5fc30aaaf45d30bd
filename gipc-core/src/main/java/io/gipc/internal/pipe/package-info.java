/** Pipes over Unix-domain sockets: ends, frames, moves of ends to other processes. */
@NullMarked
package io.gipc.internal.pipe;

import org.jspecify.annotations.NullMarked;
