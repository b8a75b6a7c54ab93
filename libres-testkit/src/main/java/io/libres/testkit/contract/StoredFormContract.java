package io.libres.testkit.contract;

import static io.libres.testkit.contract.ContractFixture.allocation;
import static io.libres.testkit.contract.ContractFixture.blocker;
import static io.libres.testkit.contract.ContractFixture.hour;
import static io.libres.testkit.contract.ContractFixture.reservation;
import static io.libres.testkit.contract.ContractFixture.slot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.libres.db.models.Allocation;
import io.libres.db.models.Reservation;
import io.libres.db.models.ReservationBlocker;
import io.libres.errors.SerializationFailure;
import io.libres.errors.StorageException;
import io.libres.spi.AllocationCriteria;
import io.libres.spi.BlockerCriteria;
import io.libres.spi.ReservationCriteria;
import io.libres.spi.SlotCriteria;
import io.libres.spi.UnitOfWork;
import io.libres.time.Timespan;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * What the ports leave to no interpretation: how {@code data} is stored (read back raw from the
 * table on a real database), which timestamps an insert keeps, the order of expired sessions, what
 * {@code findUnused} counts in a group with mirrors, and what a unit of work does once it is over.
 */
public abstract class StoredFormContract extends ContractGroup {

    /**
     * Creates the group.
     *
     * @param fixture supplies the running test's fixture
     */
    protected StoredFormContract(Supplier<ContractFixture> fixture) {
        super(fixture);
    }

    /** The data column of one row as stored: null for SQL NULL, else its JSON text. */
    private String rawData(String table, int id) {
        DataSource dataSource = fixture().requireDataSource("read the data column as stored");
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT data::text FROM " + table + " WHERE id = ?")) {
            s.setInt(1, id);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as("row %s of %s is stored", id, table).isTrue();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new AssertionError("could not read " + table + " " + id + " from dataSource(): " + e.getMessage(), e);
        }
    }

    @Test
    @DisplayName("empty data is stored as {} (never SQL NULL nor JSON null, which libres 1.2 relies on) and reads back"
            + " as an empty map; on a real database the table is read raw")
    void emptyDataAsEmptyObject() {
        UUID resource = resource();
        Allocation allocation;
        Reservation reservation;
        try (UnitOfWork work = begin()) {
            allocation = work.allocations().insert(List.of(allocation(resource, hour(0), 1))).get(0);
            reservation = work.reservations().insert(List.of(reservation(allocation, UUID.randomUUID()))).get(0);
            work.commit();
        }
        try (UnitOfWork work = begin()) {
            assertThat(work.allocations().find(AllocationCriteria.ofResource(resource)).one().data()).isNotNull()
                    .isEmpty();
            assertThat(work.reservations().find(ReservationCriteria.ofResources(List.of(resource))).one().data())
                    .isNotNull().isEmpty();
        }
        if (fixture().realDatabase()) {
            assertThat(rawData("allocations", allocation.requireId())).as("allocations.data as stored")
                    .isEqualTo("{}");
            assertThat(rawData("reservations", reservation.requireId())).as("reservations.data as stored")
                    .isEqualTo("{}");
        }
    }

    @Test
    @DisplayName("data with values is stored as that JSON object; on a real database the table is read raw")
    void dataAsObject() {
        UUID resource = resource();
        Allocation allocation;
        try (UnitOfWork work = begin()) {
            allocation = work.allocations().insert(List.of(allocation(resource, hour(0), 1).toBuilder()
                    .data(Map.of("room", "blue")).build())).get(0);
            work.commit();
        }
        try (UnitOfWork work = begin()) {
            assertThat(work.allocations().find(AllocationCriteria.ofResource(resource)).one().data())
                    .containsEntry("room", "blue");
        }
        if (fixture().realDatabase()) {
            assertThat(rawData("allocations", allocation.requireId())).isEqualTo("{\"room\": \"blue\"}");
        }
    }

    @Test
    @DisplayName("a reservation or blocker put back under its id keeps its created; one without id gets the unit of"
            + " work's time")
    void createdKeptOnIdKeepingInserts() {
        UUID resource = resource();
        Allocation allocation = fixture().committed(allocation(resource, hour(0), 1)).get(0);
        Instant longAgo = Instant.parse("2020-06-01T08:15:30.123456Z");
        Reservation fresh;
        ReservationBlocker freshBlocker;
        try (UnitOfWork work = begin()) {
            fresh = work.reservations().insert(List.of(reservation(allocation, UUID.randomUUID()))).get(0);
            freshBlocker = work.blockers().insert(List.of(blocker(allocation, UUID.randomUUID()))).get(0);
            work.reservations().delete(ReservationCriteria.ofResources(List.of(resource)).withId(fresh.requireId()));
            work.blockers().delete(BlockerCriteria.ofResources(List.of(resource)).withId(freshBlocker.requireId()));
            Reservation back = work.reservations().insert(List.of(fresh.toBuilder().created(longAgo).build())).get(0);
            ReservationBlocker blockerBack = work.blockers().insert(List.of(new ReservationBlocker(freshBlocker.requireId(),
                    freshBlocker.token(), freshBlocker.target(), freshBlocker.targetType(), freshBlocker.resource(),
                    freshBlocker.start(), freshBlocker.end(), freshBlocker.timezone(), freshBlocker.reason(), longAgo,
                    null))).get(0);
            assertThat(back.created()).contains(longAgo);
            assertThat(blockerBack.created()).isEqualTo(longAgo);
            work.commit();
        }
        assertThat(fresh.created()).isPresent();
        assertThat(fresh.created().get()).isAfter(longAgo);
        try (UnitOfWork work = begin()) {
            Reservation read = work.reservations().find(ReservationCriteria.ofResources(List.of(resource))).one();
            assertThat(read.requireId()).isEqualTo(fresh.requireId());
            assertThat(read.created()).as("created of a reservation put back under its id").contains(longAgo);
            ReservationBlocker readBlocker = work.blockers().find(BlockerCriteria.ofResources(List.of(resource))).one();
            assertThat(readBlocker.created()).as("created of a blocker put back under its id").isEqualTo(longAgo);
        }
    }

    @Test
    @DisplayName("expired sessions come ordered by session id as PostgreSQL orders uuids (their text), each once")
    void expiredSessionsOrdered() {
        UUID resource = resource();
        Allocation allocation = fixture().committed(allocation(resource, hour(0), 1)).get(0);
        // signed comparison (UUID.compareTo) and text order disagree on these
        List<UUID> sessions = List.of(UUID.fromString("f0000000-0000-4000-8000-" + tail()),
                UUID.fromString("10000000-0000-4000-8000-" + tail()), UUID.fromString("80000000-0000-4000-8000-" + tail()),
                UUID.fromString("0f000000-0000-4000-8000-" + tail()));
        try (UnitOfWork work = begin()) {
            List<Reservation> pending = new ArrayList<>();
            for (UUID session : sessions) {
                for (int twice = 0; twice < 2; twice++) {
                    pending.add(reservation(allocation, UUID.randomUUID()).toBuilder().sessionId(session).build());
                }
            }
            work.reservations().insert(pending);
            work.commit();
        }
        try (UnitOfWork work = begin()) {
            List<UUID> expired = work.reservations().expiredSessions(Instant.now().plus(Duration.ofDays(1)));
            List<UUID> mine = expired.stream().filter(sessions::contains).collect(Collectors.toList());
            assertThat(mine).containsExactlyElementsOf(sessions.stream().sorted(Comparator.comparing(UUID::toString))
                    .collect(Collectors.toList()));
            assertThat(expired).doesNotHaveDuplicates();
            assertThat(expired.stream().map(UUID::toString).collect(Collectors.toList())).isSorted();
        } finally {
            try (UnitOfWork work = begin()) {
                work.reservations().delete(ReservationCriteria.ofResources(List.of(resource)));
                work.commit();
            }
        }
    }

    private static String tail() {
        return UUID.randomUUID().toString().substring(24);
    }

    /** A master of quota 2 with its mirror (same group, mirror_of the master's resource), stored. */
    private List<Allocation> masterWithMirror(UnitOfWork work, UUID resource, int hours) {
        Allocation master = allocation(resource, hour(hours), 1).toBuilder().quota(2).build();
        Allocation mirror = master.toBuilder().resource(UUID.randomUUID()).build();
        return work.allocations().insert(List.of(master, mirror));
    }

    @Test
    @DisplayName("findUnused counts mirrors as group members: a master with its mirror is unused with it, but not a"
            + " single (singlesOnly); a lone allocation is both")
    void unusedWithMirrors() {
        UUID resource = resource();
        List<Allocation> pair;
        Allocation lone;
        try (UnitOfWork work = begin()) {
            pair = masterWithMirror(work, resource, 0);
            lone = work.allocations().insert(List.of(allocation(resource, hour(3), 1))).get(0);
            work.commit();
        }
        Timespan day = new Timespan(hour(-1), hour(10));
        try (UnitOfWork work = begin()) {
            assertThat(ids(work.allocations().findUnused(resource, day, false).list()))
                    .as("ordered by start, then id").containsExactly(pair.get(0).requireId(), pair.get(1).requireId(),
                            lone.requireId());
            assertThat(ids(work.allocations().findUnused(resource, day, true).list()))
                    .as("a master with a stored mirror is grouped").containsExactly(lone.requireId());
        }
    }

    @Test
    @DisplayName("findUnused leaves out only the member that holds a slot (a mirror with a slot, not its master), and"
            + " the whole group that a reservation targets")
    void unusedSlotOnMirror() {
        UUID resource = resource();
        List<Allocation> slotted;
        List<Allocation> reserved;
        try (UnitOfWork work = begin()) {
            slotted = masterWithMirror(work, resource, 0);
            reserved = masterWithMirror(work, resource, 4);
            work.reservedSlots().insert(List.of(slot(slotted.get(1), UUID.randomUUID(), 1)));
            work.reservations().insert(List.of(reservation(reserved.get(0), UUID.randomUUID())));
            work.commit();
        }
        try (UnitOfWork work = begin()) {
            assertThat(ids(work.allocations().findUnused(resource, new Timespan(hour(-1), hour(10)), false).list()))
                    .containsExactly(slotted.get(0).requireId());
            work.reservedSlots().delete(SlotCriteria.ofResource(resource));
            work.reservations().delete(ReservationCriteria.ofResources(List.of(resource)));
            work.commit();
        }
    }

    @Test
    @DisplayName("findUnused leaves out a group reaching beyond the range, all its members")
    void unusedGroupBeyondRange() {
        UUID resource = resource();
        UUID group = UUID.randomUUID();
        try (UnitOfWork work = begin()) {
            work.allocations().insert(List.of(allocation(resource, hour(0), 1).toBuilder().group(group).build(),
                    allocation(resource, hour(30), 1).toBuilder().group(group).build()));
            work.commit();
        }
        try (UnitOfWork work = begin()) {
            assertThat(work.allocations().findUnused(resource, new Timespan(hour(-1), hour(10)), false).list())
                    .isEmpty();
            assertThat(work.allocations().findUnused(resource, new Timespan(hour(-1), hour(40)), false).list())
                    .hasSize(2);
        }
    }

    private static List<Integer> ids(List<Allocation> allocations) {
        return allocations.stream().map(Allocation::requireId).collect(Collectors.toList());
    }

    @Test
    @DisplayName("once committed or rolled back, every store method, savepoint() and commit() throw StorageException;"
            + " rollback() and close() do nothing")
    void useAfterEnd() {
        UUID resource = resource();
        Allocation allocation = fixture().committed(allocation(resource, hour(0), 1)).get(0);
        for (boolean committed : new boolean[] {true, false}) {
            UnitOfWork work = begin();
            work.allocations().find(AllocationCriteria.ofResource(resource)).exists();
            if (committed) {
                work.commit();
            } else {
                work.rollback();
            }
            assertThat(work.isOpen()).isFalse();
            Map<String, ThrowingCallable> uses = new LinkedHashMap<>();
            uses.put("allocations().find(..).list()", () -> work.allocations().find(AllocationCriteria.ofResource(resource)).list());
            uses.put("allocations().insert", () -> work.allocations().insert(List.of(allocation(resource, hour(5), 1))));
            uses.put("reservedSlots().insert", () -> work.reservedSlots().insert(List.of(slot(allocation, UUID.randomUUID(), 1))));
            uses.put("reservedSlots().find(..).count()", () -> work.reservedSlots().find(SlotCriteria.ofResource(resource)).count());
            uses.put("reservations().find(..).list()", () -> work.reservations().find(ReservationCriteria.ofResources(List.of(resource))).list());
            uses.put("reservations().expiredSessions", () -> work.reservations().expiredSessions(Instant.now()));
            uses.put("blockers().find(..).list()", () -> work.blockers().find(BlockerCriteria.ofResources(List.of(resource))).list());
            uses.put("savepoint()", work::savepoint);
            uses.put("commit()", work::commit);
            uses.forEach((what, use) -> assertThatThrownBy(use)
                    .as("%s after %s", what, committed ? "commit" : "rollback")
                    .isInstanceOf(StorageException.class).isNotInstanceOf(SerializationFailure.class));
            assertThatCode(work::rollback).doesNotThrowAnyException();
            assertThatCode(work::close).doesNotThrowAnyException();
        }
        try (UnitOfWork work = begin()) {
            assertThat(work.allocations().find(AllocationCriteria.ofResource(resource)).count()).isEqualTo(1);
        }
    }
}
