package io.libres.examples.quickstart;

import static io.libres.examples.quickstart.StoryFailed.expect;

import io.libres.Libres;
import io.libres.context.Context;
import io.libres.db.AllocateOptions;
import io.libres.db.Queries;
import io.libres.db.ReserveOptions;
import io.libres.db.Scheduler;
import io.libres.time.DateRange;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** A table for two, put in a shopping cart and never paid for: the cart expires and is removed. */
final class ShoppingCart {

    private final Context context;
    private final Scheduler restaurant;
    private final LocalDate day;
    private final Console console;

    ShoppingCart(Context context, ZoneId zone, LocalDate day, Console console) {
        this.context = context;
        this.restaurant = Libres.newScheduler(context, "table-for-two", zone);
        this.day = day;
        this.console = console;
    }

    void play() {
        console.chapter("A shopping cart that expires");
        DateRange dinner = DateRange.of(day.atTime(LocalTime.of(19, 0)), day.atTime(LocalTime.of(21, 0)));
        restaurant.allocate(dinner, AllocateOptions.DEFAULTS);
        restaurant.commit();

        UUID browserSession = UUID.randomUUID();
        restaurant.reserve("frank@example.org", dinner, ReserveOptions.builder().sessionId(browserSession).build());
        restaurant.commit();
        console.say("frank@example.org puts the table in a cart (session %s) and walks away.",
                browserSession.toString().substring(0, 8));

        Queries now = restaurant.queries();
        expect(!now.findExpiredReservationSessions(null).contains(browserSession),
                "a fresh cart not to be expired yet");
        restaurant.commit();

        Queries sixteenMinutesLater = restaurant.queries().withClock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(16)));
        List<UUID> removed = sixteenMinutesLater.removeExpiredReservationSessions(null);
        restaurant.commit();
        long left = restaurant.managedReservations().count();
        restaurant.commit();
        console.say("16 minutes later the cart has expired: %d session removed, %d reservations left.",
                removed.size(), left);

        expect(removed.contains(browserSession), "the unconfirmed cart to expire after 15 minutes");
        expect(left == 0, "the expired cart's reservation to be gone, but " + left + " remain");
    }
}
