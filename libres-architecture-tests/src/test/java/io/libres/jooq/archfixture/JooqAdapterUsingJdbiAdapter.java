package io.libres.jooq.archfixture;

import io.libres.jdbi.archfixture.JdbiAdapterClass;

/** A deliberate violation: the jOOQ adapter using a class of the JDBI adapter. */
public final class JooqAdapterUsingJdbiAdapter {
    JdbiAdapterClass used;
}
