/**
 * Micrometer metrics of libres for Java: {@link io.libres.micrometer.LibresMetrics}, a
 * {@code MeterBinder} fed by a context's events and operation listeners.
 */
@NullMarked
package io.libres.micrometer;

import org.jspecify.annotations.NullMarked;
