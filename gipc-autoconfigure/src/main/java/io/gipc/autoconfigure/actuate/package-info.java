/** The {@code gipc} Actuator endpoint. */
@NullMarked
package io.gipc.autoconfigure.actuate;

import org.jspecify.annotations.NullMarked;
