/** Spring Boot auto-configuration for gipc: the launcher bean, entry points, pipe beans and lifecycle. */
@NullMarked
package io.gipc.autoconfigure;

import org.jspecify.annotations.NullMarked;
