package io.libres.consumer;

import io.libres.Libres;
import io.libres.context.Context;
import io.libres.context.Registry;
import io.libres.db.Scheduler;
import io.libres.spi.Ports;
import io.libres.spi.StoragePorts;
import io.libres.time.DateRange;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** Books one hour the way an application on the module path would, and says which modules served it. */
public final class Booking {

    private Booking() {
    }

    /**
     * Sets up the schema, allocates, reserves and approves, on the storage and JSON codec the
     * context's settings name among those the modules' {@code provides} offer.
     *
     * @param dsn the JDBC URL of a PostgreSQL database
     * @return the modules of the scheduler, the storage and the codec, then the reserved slots' count
     */
    public static List<String> bookOneHour(String dsn) {
        Context context = Registry.createDefault().registerContext("modular");
        context.setSetting("dsn", dsn);
        // both adapters and three JSON modules are on the module path: name the ones to use
        context.setSetting("storage", "jdbi");
        context.setSetting("json", "jackson");
        Scheduler room = Libres.newScheduler(context, "room", ZoneId.of("Europe/Zurich"));
        room.setupDatabase();
        DateRange nine = DateRange.of(LocalDateTime.of(2031, 2, 3, 9, 0), LocalDateTime.of(2031, 2, 3, 10, 0));
        room.allocate(nine);
        UUID token = room.reserve("alice@example.org", nine);
        room.approveReservations(token);
        room.commit();
        long slots = room.managedReservedSlots().count();
        room.close();
        return List.of(Scheduler.class.getModule().getName(),
                context.getService(StoragePorts.STORAGE).getClass().getModule().getName(),
                context.getService(Ports.JSON).getClass().getModule().getName(),
                String.valueOf(slots));
    }
}
