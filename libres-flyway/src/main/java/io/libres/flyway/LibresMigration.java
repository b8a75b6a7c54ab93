package io.libres.flyway;

import io.libres.postgres.LibresSchema;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.util.zip.CRC32;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Version 1 of the libres schema: the tables of libres 1.2, run from the DDL of
 * libres-postgres-support ({@link LibresSchema#libresDdl()}), so the migration and
 * {@code setupDatabase()} can never drift apart. Its checksum is the CRC32 of that DDL.
 *
 * <p>It runs in Flyway's transaction, in the schema Flyway makes current.
 */
public final class LibresMigration implements JavaMigration {

    /** The version libres' own history table gives the libres 1.2 schema. */
    public static final String VERSION = "1";

    /** Creates the migration; it holds no state. */
    public LibresMigration() {
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
     * @return "libres 1.2 schema"
     */
    @Override
    public String getDescription() {
        return "libres 1.2 schema";
    }

    /**
     * The checksum Flyway validates: a changed DDL is noticed.
     *
     * @return the CRC32 of the DDL
     */
    @Override
    public Integer getChecksum() {
        CRC32 crc = new CRC32();
        crc.update(LibresSchema.libresDdl().getBytes(StandardCharsets.UTF_8));
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
     * Runs the DDL on Flyway's connection; objects that exist are left as they are.
     *
     * @param context Flyway's context with the connection
     * @throws Exception if the server refuses the DDL
     */
    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute(LibresSchema.libresDdl());
        }
    }
}
