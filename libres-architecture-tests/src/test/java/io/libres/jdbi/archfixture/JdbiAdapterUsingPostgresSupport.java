package io.libres.jdbi.archfixture;

import io.libres.postgres.archfixture.PostgresSupportClass;

/** Allowed: the JDBI adapter builds on libres-postgres-support. */
public final class JdbiAdapterUsingPostgresSupport {
    PostgresSupportClass used;
}
