/** The {@code gipc} health indicator. */
@NullMarked
package io.gipc.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
