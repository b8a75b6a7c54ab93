/**
 * The scheduler: allocating timespans, reserving and approving them, blockers, searches and
 * availability, on the storage of a context.
 *
 * <pre>{@code
 * Context context = Libres.registry().registerContext("my_app");
 * InMemoryStorage.installOn(context);            // or add libres-jdbi-adapter / libres-jooq-adapter
 * Scheduler rooms = Libres.newScheduler(context, "meeting-room", ZoneId.of("Europe/Zurich"));
 *
 * rooms.allocate(DateRange.of(LocalDateTime.of(2026, 3, 2, 8, 0), LocalDateTime.of(2026, 3, 2, 18, 0)),
 *         AllocateOptions.builder().partlyAvailable(true).raster(15).build());
 * UUID token = rooms.reserve("ada@example.org",
 *         DateRange.of(LocalDateTime.of(2026, 3, 2, 9, 0), LocalDateTime.of(2026, 3, 2, 10, 0)));
 * rooms.approveReservations(token);
 * rooms.commit();
 * }</pre>
 *
 * <p>{@link io.libres.db.Scheduler} is a facade; its capabilities live in
 * {@code io.libres.db.internal} (allocations, reservations, blockers, search, availability).
 * Options are small immutable builders ({@link io.libres.db.AllocateOptions},
 * {@link io.libres.db.ReserveOptions}, {@link io.libres.db.MoveOptions},
 * {@link io.libres.db.SearchOptions}) that reject bad values with typed exceptions.
 * {@link io.libres.db.Queries} answers questions across resources and about browser sessions.
 * Reads and writes happen in the current thread's unit of work of the context's
 * {@link io.libres.db.Session}.
 */
@NullMarked
package io.libres.db;

import org.jspecify.annotations.NullMarked;
