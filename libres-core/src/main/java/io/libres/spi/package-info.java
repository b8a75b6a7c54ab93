/**
 * The ports of libres for Java: the interfaces an adapter implements, and the
 * provider interfaces it announces through {@link java.util.ServiceLoader}.
 *
 * <p>Each port is declared once, as a {@link io.libres.spi.Port} constant in
 * {@link io.libres.spi.Ports}: its service name, provider interface, how a
 * provider makes the service for a context, and the Maven module to add when
 * none is found. A context resolves it with
 * {@link io.libres.context.Context#getService(io.libres.spi.Port)}.
 *
 * <p>Everything here is public API for adapter authors; the rest of the core
 * is API for applications.
 */
@NullMarked
package io.libres.spi;

import org.jspecify.annotations.NullMarked;
