/** Starting child JVMs: the launcher, the child's main, its pool and the control socket. */
@NullMarked
package io.gipc.internal.launch;

import org.jspecify.annotations.NullMarked;
