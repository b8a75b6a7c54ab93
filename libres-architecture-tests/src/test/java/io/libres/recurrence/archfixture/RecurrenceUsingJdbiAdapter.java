package io.libres.recurrence.archfixture;

import io.libres.jdbi.archfixture.JdbiAdapterClass;

/** A deliberate violation: libres-recurrence using a class of a storage adapter. */
public final class RecurrenceUsingJdbiAdapter {
    JdbiAdapterClass used;
}
