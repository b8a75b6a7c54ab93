package io.libres.jooq;

import io.libres.testkit.sql.SchemaKit;
import org.junit.jupiter.api.DisplayName;

/** Runs the kit group {@link SchemaKit} on the jOOQ adapter (discovered from the dsn). */
@DisplayName("jOOQ: the storage's schema")
class JooqSchemaTest extends SchemaKit {
}
