package io.libres.spring.boot;

import java.time.Duration;
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
 * @param pool the size and timeouts of the pool libres owns when {@code libres.dsn} is set (the
 *     context settings {@code storage_pool_size}, {@code storage_connection_timeout},
 *     {@code storage_idle_timeout}); the application's own {@code DataSource} keeps its settings
 */
@ConfigurationProperties("libres")
public record LibresProperties(@DefaultValue("libres") String contextName, UUID uuidNamespace, String storage,
        ZoneId zone, @DefaultValue("false") boolean setupDatabase, String dsn, Pool pool) {

    /**
     * The {@code libres.pool.*} properties, for the pool libres owns when {@code libres.dsn} is set.
     *
     * @param size the most connections of the pool; 10 unless set
     * @param connectionTimeout how long a unit of work waits for a free connection before it fails
     *     with {@code ConnectionPoolExhausted}; 30 seconds unless set, at least 250 ms
     * @param idleTimeout how long an unused connection stays open; 10 minutes unless set, 0 for ever
     */
    public record Pool(Integer size, Duration connectionTimeout, Duration idleTimeout) {
    }

    /**
     * The pool properties.
     *
     * @return those set, else all unset (the settings' defaults)
     */
    public Pool poolOrDefault() {
        return pool != null ? pool : new Pool(null, null, null);
    }

    /**
     * The zone for schedulers made without one.
     *
     * @return the configured zone, else the JVM's default
     */
    public ZoneId zoneOrDefault() {
        return zone != null ? zone : ZoneId.systemDefault();
    }
}
