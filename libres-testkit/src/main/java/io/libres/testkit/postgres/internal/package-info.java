/**
 * How the testkit provides PostgreSQL: the strategies (external URL, Testcontainers,
 * embedded binaries), the provisioner that tries them, and the per-JVM server.
 * Not an API: use {@link io.libres.testkit.postgres.PostgresServer} and
 * {@link io.libres.testkit.postgres.PostgresExtension} instead.
 */
package io.libres.testkit.postgres.internal;
