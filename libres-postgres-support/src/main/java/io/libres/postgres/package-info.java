/**
 * What the SQL adapters of libres for Java share, on plain JDBC: the one copy of the libres 1.2
 * schema ({@link io.libres.postgres.LibresSchema}) and the PostgreSQL version check
 * ({@link io.libres.postgres.PostgresServer}), the translation of PostgreSQL's errors
 * ({@link io.libres.postgres.SqlErrors}), and the recipes for the two unique keys that every SQL
 * adapter must get right: {@link io.libres.postgres.ReservedSlotInserts} (a visible duplicate is
 * {@code AlreadyReservedError}, an invisible concurrent one a retryable {@code SerializationFailure})
 * and {@link io.libres.postgres.AllocationInserts} (the allocation in the way is named, never null).
 * They take a plain {@link java.sql.Connection}, so JDBI, jOOQ or hand-written JDBC adapters share
 * one implementation.
 */
@NullMarked
package io.libres.postgres;

import org.jspecify.annotations.NullMarked;
