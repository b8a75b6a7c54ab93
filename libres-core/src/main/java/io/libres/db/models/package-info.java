/**
 * The records of libres: {@link io.libres.db.models.Allocation}s, the
 * {@link io.libres.db.models.ReservedSlot}s written when a reservation is approved or a blocker
 * added, {@link io.libres.db.models.Reservation}s and
 * {@link io.libres.db.models.ReservationBlocker}s.
 *
 * <p>Each maps one to one to a table of libres 1.2 and is an immutable value. Questions that
 * need other stored records (free slots, siblings, pending reservations) take a
 * {@link io.libres.db.models.Lookup}, which a scheduler hands out bound to its unit of work.
 */
package io.libres.db.models;
