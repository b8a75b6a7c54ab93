package io.libres.jdbi;

import io.libres.testkit.sql.SchemaKit;
import org.junit.jupiter.api.DisplayName;

/** Runs the kit group {@link SchemaKit} on the JDBI adapter (discovered from the dsn). */
@DisplayName("JDBI: the storage's schema")
class JdbiSchemaTest extends SchemaKit {
}
