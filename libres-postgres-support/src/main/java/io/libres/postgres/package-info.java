/**
 * What the SQL adapters of libres for Java share, on plain JDBC: the one copy of the libres 1.2
 * schema ({@link io.libres.postgres.LibresSchema}) and the PostgreSQL version check
 * ({@link io.libres.postgres.PostgresServer}).
 */
package io.libres.postgres;
