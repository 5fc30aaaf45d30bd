/** gipc's public API: pipes, child processes and the launcher that owns them. */
@NullMarked
package io.gipc;

import org.jspecify.annotations.NullMarked;
