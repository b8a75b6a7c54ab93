package io.libres.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.libres.context.Context;
import io.libres.context.Registry;
import io.libres.db.AllocateOptions;
import io.libres.db.ReserveOptions;
import io.libres.db.Scheduler;
import io.libres.db.models.Allocation;
import io.libres.db.models.Reservation;
import io.libres.db.models.ReservationStatus;
import io.libres.errors.AlreadyReservedError;
import io.libres.spi.Storage;
import io.libres.time.DateRange;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A booking story in two halves: the first writes every kind of row (allocations, grouped ones,
 * a quota master with mirrors, reservations pending, approved, of a group and in a session,
 * reserved slots, a blocker), the second reads them, reserves against them, changes and removes
 * some. Each half runs on the storage it is given, so the two can be different adapters.
 */
final class Story {

    static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");
    static final UUID CART = UUID.fromString("c0c0c0c0-0000-4000-8000-000000000001");
    /** A session left unconfirmed: its reservation keeps its session id. */
    static final UUID OTHER_CART = UUID.fromString("c0c0c0c0-0000-4000-8000-000000000002");

    private static final LocalDateTime DAY = LocalDateTime.of(2031, 6, 2, 0, 0);

    private Story() {
    }

    private static DateRange hours(int from, int to) {
        return DateRange.of(DAY.plusHours(from), DAY.plusHours(to));
    }

    private static DateRange concert(int day) {
        return DateRange.of(DAY.plusDays(day).plusHours(20), DAY.plusDays(day).plusHours(22));
    }

    /** The schedulers of the story on a storage: the same context and names, so the same resources. */
    private static Scheduler room(Storage storage) {
        return new Scheduler(context(storage), "room", ZURICH);
    }

    private static Scheduler hall(Storage storage) {
        return new Scheduler(context(storage), "hall", ZURICH);
    }

    private static Context context(Storage storage) {
        Context context = Registry.createDefault().registerContext("interop");
        context.setService(io.libres.spi.StoragePorts.STORAGE.key(), ctx -> storage, true);
        return context;
    }

    /** The first half: writes every kind of row, and commits. */
    static void write(Storage storage) {
        Scheduler room = room(storage);
        room.allocate(hours(8, 18), AllocateOptions.builder().partlyAvailable(true).raster(15)
                .data(Map.of("floor", 2)).build());
        room.reserve("anna@example.org", hours(9, 10));
        UUID bert = room.reserve("bert@example.org", hours(10, 11), ReserveOptions.builder()
                .data(Map.of("note", "window seat")).build());
        room.approveReservations(bert);
        room.reserve("dora@example.org", hours(11, 12), ReserveOptions.builder().sessionId(CART).build());
        room.reserve("gus@example.org", hours(15, 16), ReserveOptions.builder().sessionId(OTHER_CART).build());
        room.addBlocker(List.of(hours(13, 14)), "cleaning");
        room.commit();

        Scheduler hall = hall(storage);
        List<Allocation> evenings = hall.allocate(List.of(concert(0), concert(1)),
                AllocateOptions.builder().quota(3).grouped(true).build());
        hall.allocate(concert(7), AllocateOptions.builder().quota(3).build());
        UUID carl = hall.reserve("carl@example.org", concert(7), ReserveOptions.builder().quota(2).build());
        hall.approveReservations(carl);
        hall.reserveGroup("eve@example.org", evenings.get(0).group());
        hall.commit();
    }

    /**
     * The second half: reads what the first wrote, approves, confirms a session, changes and
     * removes, commits; then tries a double booking, which fails and is rolled back.
     *
     * @return what it read, to compare between runs
     */
    static List<String> change(Storage storage) {
        Scheduler room = room(storage);
        List<Reservation> reservations = room.managedReservations().list();
        assertThat(reservations).extracting(Reservation::email).containsExactly("anna@example.org",
                "bert@example.org", "dora@example.org", "gus@example.org");
        assertThat(reservations.get(3).sessionId()).contains(OTHER_CART);
        assertThat(room.managedReservedSlots().count()).isEqualTo(8); // bert's hour and the blocker's, by 15 minutes
        assertThat(room.managedBlockers().one().reason()).isEqualTo("cleaning");
        assertThat(room.managedAllocations().one().data()).containsEntry("floor", 2);
        Reservation bert = reservations.get(1);
        assertThat(bert.status()).isEqualTo(ReservationStatus.APPROVED);
        assertThat(bert.data()).containsEntry("note", "window seat");

        room.approveReservations(reservations.get(0).token());
        room.queries().confirmReservationsForSession(CART, null);
        room.approveReservations(reservations.get(2).token());
        room.changeEmail(bert.token(), "bert@example.com");
        room.removeBlocker(room.managedBlockers().one().token());
        room.commit();

        Scheduler hall = hall(storage);
        Allocation master = hall.allocationByDate(concert(7));
        List<Allocation> mirrors = hall.allocationMirrorsByMaster(master);
        List<Reservation> hallReservations = hall.managedReservations().list();
        assertThat(hallReservations).extracting(Reservation::email).containsExactly("carl@example.org",
                "eve@example.org");
        hall.approveReservations(hallReservations.get(1).token());
        hall.changeQuota(master, 4);
        hall.removeReservation(hallReservations.get(0).token());
        hall.commit();

        assertThatThrownBy(() -> room.approveReservations(room.reserve("fred@example.org", hours(10, 11))))
                .isInstanceOf(AlreadyReservedError.class);
        room.rollback();

        return List.of("reservations " + reservations.size(), "mirrors " + mirrors.size(),
                "hall reservations " + hallReservations.size());
    }
}
