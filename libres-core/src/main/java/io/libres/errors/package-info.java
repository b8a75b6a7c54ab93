/**
 * The exceptions of libres for Java, all under {@link io.libres.errors.LibresException}.
 *
 * <p>The names are those of libres 1.2 ({@code AlreadyReservedError},
 * {@code ContextIsLocked}, ...) so code ported from Python reads the same.
 */
@NullMarked
package io.libres.errors;

import org.jspecify.annotations.NullMarked;
