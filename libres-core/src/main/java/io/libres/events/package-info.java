/**
 * Events the scheduler raises when something interesting happens: the seven events of libres 1.2
 * (allocations added; reservations made, confirmed, approved, denied, removed; reservation time
 * changed) and those it lacks (blockers added, changed, removed; allocation moved; allocations
 * removed; quota changed).
 *
 * <p>Listeners subscribe on a context's {@link io.libres.events.Events}; each context has its
 * own, so two contexts in one JVM never see each other's events. Listeners are called in the
 * order they subscribed, on the thread that raised the event, before the unit of work commits.
 */
@NullMarked
package io.libres.events;

import org.jspecify.annotations.NullMarked;
