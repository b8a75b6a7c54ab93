/**
 * A small booking service a team might write on top of a libres {@link io.libres.db.Scheduler}:
 * one meeting room, opened for times of day and booked in half hours, each booking approved at
 * once. Its tests ({@code RoomBookingsTest}) show how a team tests such code with
 * {@code libres-testkit}.
 */
package io.libres.examples.booking;
