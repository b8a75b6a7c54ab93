/**
 * JUnit 5 support for tests of code that uses libres: {@link io.libres.testkit.junit.LibresTest}
 * injects a ready scheduler, context and storage, fresh for every test;
 * {@link io.libres.testkit.junit.EventRecorder} records the events a test raises; and
 * {@link io.libres.testkit.junit.Days} makes the date ranges fixtures need (days, weeks, DST
 * change days).
 *
 * <pre>{@code
 * @LibresTest(zone = "Europe/Zurich")
 * class BookingTest {
 *     Scheduler scheduler;
 *     EventRecorder events;
 *
 *     @Test
 *     void books() {
 *         DateRange day = Days.of(LocalDate.of(2026, 3, 2), scheduler.zone());
 *         scheduler.allocate(day);
 *         ...
 *         events.assertThat().firedExactly(AllocationsAdded.class, ReservationsMade.class);
 *     }
 * }
 * }</pre>
 *
 * <p>The in-memory storage is the default and needs nothing else. A SQL storage
 * ({@code storage = LibresTest.DISCOVERED}, a provider's name, or {@code storageProvider})
 * runs on a fresh database of {@link io.libres.testkit.postgres.PostgresServer#shared()}, the
 * server {@link io.libres.testkit.postgres.WithPostgres} uses; the two annotations combine.
 */
@NullMarked
package io.libres.testkit.junit;

import org.jspecify.annotations.NullMarked;
