/**
 * The records of libres: {@link io.libres.db.models.Allocation}s, the
 * {@link io.libres.db.models.ReservedSlot}s written when a reservation is approved or a blocker
 * added, {@link io.libres.db.models.Reservation}s and
 * {@link io.libres.db.models.ReservationBlocker}s.
 *
 * <p>Each maps one to one to a table of libres 1.2 and is an immutable value. Questions that
 * need other stored records (free slots, siblings, pending reservations) take a
 * {@link io.libres.db.models.Lookup}, which a scheduler hands out bound to its unit of work.
 *
 * <p>Ids, one rule for every model: a record's own id is {@code OptionalInt id()}, empty until
 * the storage stored the record (a blocker or reservation being built, an imaginary mirror), and
 * {@code int requireId()}, which throws for a record not stored. A reference to another stored
 * record is a plain {@code int} ({@code ReservedSlot#allocationId()}, {@code #sourceId()}),
 * since it always names a stored one. A reserved slot has no id of its own: its key is
 * (resource, start), as in libres 1.2.
 */
@NullMarked
package io.libres.db.models;

import org.jspecify.annotations.NullMarked;
