package io.libres.spring.boot;

import java.time.ZoneId;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code libres.*} properties.
 *
 * @param contextName the name of the libres context the application's schedulers live in; part of
 *     every resource UUID, so keep it once records exist
 * @param uuidNamespace the namespace resource UUIDs derive from; empty for libres 1.2's default
 * @param storage the adapter to use when both are present: {@code jdbi} or {@code jooq}; empty to
 *     take jOOQ where the application has a {@code DSLContext}, else JDBI
 * @param zone the time zone of schedulers made without one; empty for the JVM's
 * @param setupDatabase whether to create the libres tables that are missing at startup (needs
 *     a role that may create them; off by default, leave schema changes to migrations)
 * @param dsn a JDBC URL for libres alone: the adapter then owns a HikariCP pool of its own
 *     instead of using the application's {@code DataSource}; empty to use the application's
 */
@ConfigurationProperties("libres")
public record LibresProperties(@DefaultValue("libres") String contextName, UUID uuidNamespace, String storage,
        ZoneId zone, @DefaultValue("false") boolean setupDatabase, String dsn) {

    /**
     * The zone for schedulers made without one.
     *
     * @return the configured zone, else the JVM's default
     */
    public ZoneId zoneOrDefault() {
        return zone != null ? zone : ZoneId.systemDefault();
    }
}
