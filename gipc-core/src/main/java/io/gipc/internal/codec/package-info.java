/** Codecs: Kryo, raw bytes and functions, and the guard that moves pipe handles inside messages. */
@NullMarked
package io.gipc.internal.codec;

import org.jspecify.annotations.NullMarked;
