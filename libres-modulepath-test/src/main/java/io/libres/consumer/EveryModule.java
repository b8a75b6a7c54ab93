package io.libres.consumer;

import io.libres.Libres;
import io.libres.context.Context;
import io.libres.context.Registry;
import io.libres.db.AllocateOptions;
import io.libres.db.Scheduler;
import io.libres.flyway.LibresFlyway;
import io.libres.liquibase.LibresLiquibase;
import io.libres.micrometer.LibresMetrics;
import io.libres.postgres.LibresSchema;
import io.libres.spi.JsonCodec;
import io.libres.spi.JsonCodecProvider;
import io.libres.spi.Ports;
import io.libres.spi.StoragePorts;
import io.libres.time.DateRange;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Uses each published named module from a named module of its own: the JSON codecs through their
 * {@code provides}, the schema through Flyway or Liquibase, the storage through jOOQ or JDBI, and
 * the metrics through Micrometer.
 */
public final class EveryModule {

    private EveryModule() {
    }

    /**
     * Each JSON codec the modules provide, by provider name: the module of its codec, and whether
     * it writes and reads a nested value back as it was.
     *
     * @return provider name to "module round-trips"
     */
    public static Map<String, String> jsonCodecs() {
        Map<String, Object> value = Map.of("guests", List.of("Ann", "Zoë"), "floor", 3);
        Map<String, String> found = new TreeMap<>();
        for (JsonCodecProvider provider : ServiceLoader.load(JsonCodecProvider.class)) {
            JsonCodec codec = provider.create();
            found.put(provider.name(), codec.getClass().getModule().getName() + " "
                    + value.equals(codec.fromJson(codec.toJson(value))));
        }
        return found;
    }

    /**
     * Creates the schema with Flyway, then books through the jOOQ adapter and the Gson codec (both
     * named by the context's settings), with Micrometer counting.
     *
     * @param dataSource the database, for Flyway
     * @param dsn the same database's JDBC URL, for the storage's own pool
     * @return the modules of the storage and the codec, whether the schema check passes, whether the
     *     booking's data read back as written, and how many allocations the operations timer counted
     */
    public static List<String> flywayJooqGsonMicrometer(DataSource dataSource, String dsn) {
        LibresFlyway.migrate(dataSource);
        Context context = Registry.createDefault().registerContext("modular-jooq");
        context.setSetting("dsn", dsn);
        context.setSetting("storage", "jooq");
        context.setSetting("json", "gson");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        LibresMetrics.of(context).bindTo(registry);
        try {
            Scheduler room = Libres.newScheduler(context, "room", ZoneId.of("Europe/Zurich"));
            List<String> result = List.of(
                    context.getService(StoragePorts.STORAGE).getClass().getModule().getName(),
                    context.getService(Ports.JSON).getClass().getModule().getName(),
                    String.valueOf(room.validateSchema().isComplete()),
                    String.valueOf(bookWithData(room, 5)),
                    String.valueOf(registry.get(LibresMetrics.OPERATIONS).tags("operation", "allocate").timer().count()));
            return result;
        } finally {
            context.stopServices();
        }
    }

    /**
     * Creates the schema with Liquibase, checks it with libres-postgres-support, then books through
     * the JDBI adapter and the Jackson 3 codec.
     *
     * @param dataSource the database, for Liquibase and the check
     * @param dsn the same database's JDBC URL, for the storage's own pool
     * @return whether the check passes, the modules of the storage and the codec, and whether the
     *     booking's data read back as written
     * @throws Exception if Liquibase or the check fails
     */
    public static List<String> liquibaseJdbiJackson3(DataSource dataSource, String dsn) throws Exception {
        LibresLiquibase.update(dataSource);
        boolean complete;
        try (Connection connection = dataSource.getConnection()) {
            complete = LibresSchema.validate(connection).isComplete();
        } catch (SQLException e) {
            throw new IllegalStateException("the schema check could not read the catalog", e);
        }
        Context context = Registry.createDefault().registerContext("modular-jdbi");
        context.setSetting("dsn", dsn);
        context.setSetting("storage", "jdbi");
        context.setSetting("json", "jackson3");
        try {
            Scheduler room = Libres.newScheduler(context, "room", ZoneId.of("Europe/Zurich"));
            return List.of(String.valueOf(complete),
                    context.getService(StoragePorts.STORAGE).getClass().getModule().getName(),
                    context.getService(Ports.JSON).getClass().getModule().getName(),
                    String.valueOf(bookWithData(room, 6)));
        } finally {
            context.stopServices();
        }
    }

    /** Books one hour with data on the allocation; whether the data reads back as written and the slot is taken. */
    private static boolean bookWithData(Scheduler room, int day) {
        DateRange nine = DateRange.of(LocalDateTime.of(2031, 3, day, 9, 0), LocalDateTime.of(2031, 3, day, 10, 0));
        Map<String, Object> data = Map.of("floor", 2, "wing", "Zoë", "tags", List.of("quiet", 1.5));
        room.transaction(() -> {
            room.allocate(nine, AllocateOptions.builder().data(data).build());
            room.approveReservations(room.reserve("carol@example.org", nine));
        });
        return data.equals(room.managedAllocations().one().data()) && room.managedReservedSlots().count() == 1;
    }
}
