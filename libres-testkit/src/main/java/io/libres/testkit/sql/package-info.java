/**
 * Kit groups for SQL adapters on PostgreSQL, beyond the storage ports' contract: statements per
 * scheduler operation and per recurring series, sharing a database with libres 1.2 (Python),
 * schemas and roles, and setting the storage up (discovery from a {@code dsn}, pools, stopping);
 * connection failures and pool settings ({@link io.libres.testkit.sql.ConnectionFailureKit}); and
 * libres inside a transaction the application owns
 * ({@link io.libres.testkit.sql.ExternalTransactionKit}). Each group is an abstract test class; an
 * adapter extends it with a few hooks. The groups provision the database themselves
 * ({@code @WithPostgres}).
 */
@NullMarked
package io.libres.testkit.sql;

import org.jspecify.annotations.NullMarked;
