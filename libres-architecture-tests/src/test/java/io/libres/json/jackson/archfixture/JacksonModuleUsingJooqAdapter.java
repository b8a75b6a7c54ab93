package io.libres.json.jackson.archfixture;

import io.libres.jooq.archfixture.JooqAdapterUsingJdbiAdapter;

/** A deliberate violation: the Jackson module using a class of the jOOQ adapter. */
public final class JacksonModuleUsingJooqAdapter {
    JooqAdapterUsingJdbiAdapter used;
}
