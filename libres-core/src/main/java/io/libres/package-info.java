/**
 * io.libres: see the types of this package. Nothing in it is null unless marked
 * {@code @Nullable}.
 */
@NullMarked
package io.libres;

import org.jspecify.annotations.NullMarked;
