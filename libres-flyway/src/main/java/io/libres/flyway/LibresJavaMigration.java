package io.libres.flyway;

import io.libres.postgres.LibresSchema;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.util.zip.CRC32;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Version 2 of the libres schema: the tables libres for Java adds beside libres 1.2's (which
 * libres 1.2 ignores and which change none of its tables), run from the DDL of
 * libres-postgres-support ({@link LibresSchema#javaDdl()}). A separate version, so a database
 * made or baselined at version 1 gets them without version 1 changing. Its checksum is the CRC32
 * of that DDL.
 *
 * <p>It runs in Flyway's transaction, in the schema Flyway makes current.
 */
public final class LibresJavaMigration implements JavaMigration {

    /** The version libres' own history table gives libres for Java's tables. */
    public static final String VERSION = "2";

    /** Creates the migration; it holds no state. */
    public LibresJavaMigration() {
    }

    /**
     * The version of this migration.
     *
     * @return version {@value #VERSION}
     */
    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(VERSION);
    }

    /**
     * The description Flyway records.
     *
     * @return "libres for Java tables"
     */
    @Override
    public String getDescription() {
        return "libres for Java tables";
    }

    /**
     * The checksum Flyway validates: a changed DDL is noticed.
     *
     * @return the CRC32 of the DDL
     */
    @Override
    public Integer getChecksum() {
        CRC32 crc = new CRC32();
        crc.update(LibresSchema.javaDdl().getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }

    /**
     * Whether Flyway may run it inside a transaction.
     *
     * @return true: the DDL is transactional on PostgreSQL
     */
    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    /**
     * Runs the DDL on Flyway's connection; tables that exist are left as they are.
     *
     * @param context Flyway's context with the connection
     * @throws Exception if the server refuses the DDL
     */
    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute(LibresSchema.javaDdl());
        }
    }
}
