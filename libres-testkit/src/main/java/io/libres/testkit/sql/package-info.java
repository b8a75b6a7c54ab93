/**
 * Kit groups for SQL adapters on PostgreSQL, beyond the storage ports' contract: statements per
 * scheduler operation and per recurring series, sharing a database with libres 1.2 (Python),
 * schemas and roles, and setting the storage up (discovery from a {@code dsn}, pools, stopping).
 * Each group is an abstract test class; an adapter extends it with the one hook
 * {@link io.libres.testkit.sql.SqlAdapterKit#storageOn(javax.sql.DataSource)} (and, for
 * {@link io.libres.testkit.sql.StorageSetupKit}, a few more). The groups provision the database
 * themselves ({@code @WithPostgres}).
 */
package io.libres.testkit.sql;
