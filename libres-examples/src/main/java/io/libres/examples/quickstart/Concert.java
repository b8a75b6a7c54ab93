package io.libres.examples.quickstart;

import static io.libres.examples.quickstart.StoryFailed.expect;

import io.libres.Libres;
import io.libres.context.Context;
import io.libres.db.AllocateOptions;
import io.libres.db.ReserveOptions;
import io.libres.db.Scheduler;
import io.libres.db.models.ReservedSlot;
import io.libres.errors.AlreadyReservedError;
import io.libres.errors.SerializationFailure;
import io.libres.time.DateRange;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A concert with 100 seats and at most 4 per customer: 40 customers try to buy 4 seats at the same
 * moment, each on a thread of their own. Exactly 25 get them and no seat is sold twice.
 */
final class Concert {

    static final int SEATS = 100;
    static final int PER_CUSTOMER = 4;
    static final int CUSTOMERS = 40;
    private static final int MAX_ATTEMPTS = 50;

    private final Context context;
    private final ZoneId zone;
    private final LocalDate day;
    private final Console console;
    private final AtomicInteger conflictsRetried = new AtomicInteger();

    Concert(Context context, ZoneId zone, LocalDate day, Console console) {
        this.context = context;
        this.zone = zone;
        this.day = day;
        this.console = console;
    }

    void play() throws InterruptedException {
        console.chapter("A concert: 100 seats, 40 customers buying 4 each at the same moment");
        Scheduler hall = Libres.newScheduler(context, "concert-hall", zone);
        DateRange evening = DateRange.of(day.atTime(LocalTime.of(20, 0)), day.atTime(LocalTime.of(22, 30)));
        hall.allocate(evening, AllocateOptions.builder().quota(SEATS).quotaLimit(PER_CUSTOMER).build());
        hall.commit();
        console.say("Allocated the evening with a quota of %d seats, at most %d per customer.", SEATS, PER_CUSTOMER);

        List<Outcome> outcomes = buyAllAtOnce(evening);
        long sold = outcomes.stream().filter(o -> o == Outcome.BOUGHT).count();
        long soldOut = outcomes.stream().filter(o -> o == Outcome.SOLD_OUT).count();

        List<ReservedSlot> seats = hall.managedReservedSlots().list();
        Set<String> distinctSeats = seats.stream().map(s -> s.resource() + "@" + s.start()).collect(Collectors.toSet());
        hall.commit();
        console.say("%d customers bought %d seats each, %d found the concert sold out.", sold, PER_CUSTOMER, soldOut);
        console.say("%d seats are taken, %d of them distinct; %d serialization conflicts were retried.",
                seats.size(), distinctSeats.size(), conflictsRetried.get());

        expect(sold == SEATS / PER_CUSTOMER, (SEATS / PER_CUSTOMER) + " customers to succeed, not " + sold);
        expect(soldOut == CUSTOMERS - sold, "every other customer to be told it is sold out");
        expect(seats.size() == SEATS && distinctSeats.size() == SEATS,
                "exactly " + SEATS + " distinct seats sold, not " + seats.size() + " (" + distinctSeats.size()
                        + " distinct)");
    }

    private List<Outcome> buyAllAtOnce(DateRange evening) throws InterruptedException {
        ExecutorService customers = Executors.newFixedThreadPool(CUSTOMERS);
        CountDownLatch doorsOpen = new CountDownLatch(1);
        try {
            List<Future<Outcome>> purchases = new ArrayList<>();
            for (int i = 1; i <= CUSTOMERS; i++) {
                String email = "fan" + i + "@example.org";
                purchases.add(customers.submit(() -> {
                    doorsOpen.await();
                    return buy(email, evening);
                }));
            }
            doorsOpen.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> purchase : purchases) {
                outcomes.add(purchase.get());
            }
            return outcomes;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new StoryFailed("A customer's purchase failed unexpectedly: " + e.getCause());
        } finally {
            customers.shutdownNow();
            customers.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /** One customer: reserve four seats and approve them, running again when a concurrent purchase conflicts. */
    private Outcome buy(String email, DateRange evening) throws InterruptedException {
        Scheduler hall = Libres.newScheduler(context, "concert-hall", zone);
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            UUID token;
            try {
                token = hall.reserve(email, evening, ReserveOptions.builder().quota(PER_CUSTOMER).build());
            } catch (AlreadyReservedError noSeatsLeft) {
                hall.rollback();
                return Outcome.SOLD_OUT;
            } catch (SerializationFailure conflict) {
                retryAfterConflict(hall, attempt);
                continue;
            }
            try {
                hall.approveReservations(token);
                hall.commit();
                return Outcome.BOUGHT;
            } catch (SerializationFailure | AlreadyReservedError conflict) {
                // Another customer took these seats between our look and our write: look again.
                retryAfterConflict(hall, attempt);
            }
        }
        throw new StoryFailed(email + " still conflicted after " + MAX_ATTEMPTS + " attempts");
    }

    private void retryAfterConflict(Scheduler hall, int attempt) throws InterruptedException {
        hall.rollback();
        conflictsRetried.incrementAndGet();
        Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L * Math.min(attempt, 10)));
    }

    private enum Outcome { BOUGHT, SOLD_OUT }
}
