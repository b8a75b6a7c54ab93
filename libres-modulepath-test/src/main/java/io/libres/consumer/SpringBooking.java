package io.libres.consumer;

import io.libres.db.Scheduler;
import io.libres.spi.Storage;
import io.libres.spring.boot.LibresAutoConfiguration;
import io.libres.spring.boot.Schedulers;
import io.libres.time.DateRange;
import java.time.LocalDateTime;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/** Books one hour through the Spring Boot starter's auto-configuration, in a Spring context on the module path. */
public final class SpringBooking {

    private SpringBooking() {
    }

    /**
     * Starts a Spring context with the application's data source and libres' auto-configuration,
     * then allocates, reserves and approves through the {@link Schedulers} bean.
     *
     * @param dataSource the application's data source on a PostgreSQL database
     * @return the modules of the auto-configuration and of the storage it built, then the reserved slots' count
     */
    public static List<String> bookOneHour(DataSource dataSource) {
        try (AnnotationConfigApplicationContext spring = new AnnotationConfigApplicationContext()) {
            spring.registerBean(DataSource.class, () -> dataSource);
            spring.register(LibresAutoConfiguration.class);
            spring.refresh();
            Scheduler room = spring.getBean(Schedulers.class).get("room");
            room.setupDatabase();
            DateRange nine = DateRange.of(LocalDateTime.of(2031, 2, 4, 9, 0), LocalDateTime.of(2031, 2, 4, 10, 0));
            room.transaction(() -> {
                room.allocate(nine);
                room.approveReservations(room.reserve("bob@example.org", nine));
            });
            long slots = room.managedReservedSlots().count();
            return List.of(LibresAutoConfiguration.class.getModule().getName(),
                    spring.getBean(Storage.class).getClass().getModule().getName(), String.valueOf(slots));
        }
    }
}
