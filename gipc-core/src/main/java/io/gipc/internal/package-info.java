/** Implementation of gipc; not an API: types here may change in any release. */
@NullMarked
package io.gipc.internal;

import org.jspecify.annotations.NullMarked;
