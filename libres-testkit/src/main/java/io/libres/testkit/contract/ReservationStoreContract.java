package io.libres.testkit.contract;

import static io.libres.testkit.contract.ContractFixture.allocation;
import static io.libres.testkit.contract.ContractFixture.hour;
import static io.libres.testkit.contract.ContractFixture.reservation;
import static org.assertj.core.api.Assertions.assertThat;

import io.libres.db.models.Allocation;
import io.libres.db.models.Reservation;
import io.libres.db.models.ReservationStatus;
import io.libres.db.models.TargetType;
import io.libres.spi.ReservationCriteria;
import io.libres.spi.UnitOfWork;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/** The contract of {@link io.libres.spi.ReservationStore}. */
public abstract class ReservationStoreContract extends ContractGroup {

    /**
     * Creates the group.
     *
     * @param fixture supplies the running test's fixture
     */
    protected ReservationStoreContract(Supplier<ContractFixture> fixture) {
        super(fixture);
    }

    private static Reservation group(UUID resource, UUID group, UUID token) {
        return Reservation.builder().token(token).target(group).targetType(TargetType.GROUP).resource(resource)
                .email("group@example.org").quota(2).build();
    }

    private static List<Integer> ids(UnitOfWork work, ReservationCriteria criteria) {
        return work.reservations().find(criteria).list().stream().map(Reservation::requireId).toList();
    }

    @Test
    @DisplayName("insert gives new ids, keeps given ones, and keeps every column")
    void insertKeepsEveryColumn() {
        UUID resource = resource();
        UUID token = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        Allocation allocation = allocation(resource, hour(0), 2);
        Reservation dated = reservation(allocation, token).toBuilder().sessionId(session).quota(3)
                .data(Map.of("note", "window seat", "count", 2)).build();
        Reservation grouped = group(resource, UUID.randomUUID(), token);
        try (UnitOfWork work = begin()) {
            List<Reservation> stored = work.reservations().insert(List.of(dated, grouped));
            int kept = stored.get(1).requireId() + 1_000_000;
            Reservation withId = work.reservations().insert(List.of(reservation(allocation, UUID.randomUUID())
                    .toBuilder().id(kept).build())).get(0);

            assertThat(stored.get(0).requireId()).isLessThan(stored.get(1).requireId());
            assertThat(stored.get(0).created()).isPresent();
            assertThat(withId.requireId()).isEqualTo(kept);
            List<Reservation> read = work.reservations().find(ReservationCriteria.ofResources(Set.of(resource))).list();
            assertThat(read).extracting(Reservation::requireId)
                    .containsExactly(stored.get(0).requireId(), stored.get(1).requireId(), kept);
            Reservation first = read.get(0);
            assertThat(first.token()).isEqualTo(token);
            assertThat(first.target()).isEqualTo(allocation.group());
            assertThat(first.targetType()).isEqualTo(TargetType.ALLOCATION);
            assertThat(first.type()).isEqualTo(Reservation.GENERIC_TYPE);
            assertThat(first.start()).contains(allocation.start());
            assertThat(first.end()).contains(allocation.end());
            assertThat(first.timezone()).contains("Europe/Zurich");
            assertThat(first.status()).isEqualTo(ReservationStatus.PENDING);
            assertThat(first.data()).isEqualTo(Map.of("note", "window seat", "count", 2));
            assertThat(first.email()).isEqualTo("kit@example.org");
            assertThat(first.sessionId()).contains(session);
            assertThat(first.quota()).isEqualTo(3);
            assertThat(first.modified()).isEmpty();
            Reservation second = read.get(1);
            assertThat(second.targetType()).isEqualTo(TargetType.GROUP);
            assertThat(second.start()).isEmpty();
            assertThat(second.end()).isEmpty();
            assertThat(second.sessionId()).isEmpty();
            assertThat(second.data()).isEmpty();
        }
    }

    @Test
    @DisplayName("update writes every column by id and sets the modification time")
    void update() {
        UUID resource = resource();
        try (UnitOfWork work = begin()) {
            Reservation stored = work.reservations().insert(List.of(reservation(allocation(resource, hour(0), 1),
                    UUID.randomUUID()))).get(0);
            work.reservations().update(List.of(stored.toBuilder().status(ReservationStatus.APPROVED)
                    .email("changed@example.org").data(Map.of("x", List.of(1, 2))).sessionId(null).build()));

            Reservation read = work.reservations().find(ReservationCriteria.any().withId(stored.requireId())).one();
            assertThat(read.status()).isEqualTo(ReservationStatus.APPROVED);
            assertThat(read.email()).isEqualTo("changed@example.org");
            assertThat(read.data()).isEqualTo(Map.of("x", List.of(1, 2)));
            assertThat(read.modified()).isPresent();
        }
    }

    @Test
    @DisplayName("find narrows by every criterion, ordered by id; delete tells how many")
    void findAndDelete() {
        UUID resource = resource();
        UUID token = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        UUID groupId = UUID.randomUUID();
        Allocation allocation = allocation(resource, hour(0), 1);
        try (UnitOfWork work = begin()) {
            List<Reservation> stored = work.reservations().insert(List.of(
                    reservation(allocation, token).toBuilder().sessionId(session).build(),
                    reservation(allocation, UUID.randomUUID()).toBuilder().status(ReservationStatus.APPROVED).build(),
                    group(resource, groupId, token)));
            int a = stored.get(0).requireId();
            int b = stored.get(1).requireId();
            int c = stored.get(2).requireId();
            ReservationCriteria mine = ReservationCriteria.ofResources(Set.of(resource));

            assertThat(ids(work, mine)).containsExactly(a, b, c);
            assertThat(ids(work, mine.withToken(token))).containsExactly(a, c);
            assertThat(ids(work, mine.withTokens(Set.of(token, UUID.randomUUID())))).containsExactly(a, c);
            assertThat(ids(work, mine.withId(b))).containsExactly(b);
            assertThat(ids(work, mine.withTargets(Set.of(groupId)))).containsExactly(c);
            assertThat(ids(work, mine.withStatus(ReservationStatus.APPROVED))).containsExactly(b);
            assertThat(ids(work, mine.withTargetType(TargetType.GROUP))).containsExactly(c);
            assertThat(ids(work, mine.withSessions(Set.of(session)))).containsExactly(a);
            assertThat(ids(work, ReservationCriteria.any().withSessions(Set.of(session)))).containsExactly(a);
            assertThat(work.reservations().find(mine.withStatus(ReservationStatus.PENDING)).count()).isEqualTo(2);

            assertThat(work.reservations().delete(mine.withToken(token))).isEqualTo(2);
            assertThat(ids(work, mine)).containsExactly(b);
        }
    }

    @Test
    @DisplayName("touching a session marks its reservations modified; expired sessions are those idle before an instant")
    void sessions() {
        UUID resource = resource();
        UUID idle = UUID.randomUUID();
        UUID active = UUID.randomUUID();
        UUID confirmed = UUID.randomUUID();
        Allocation allocation = allocation(resource, hour(0), 1);
        Instant before;
        try (UnitOfWork work = begin()) {
            work.reservations().insert(List.of(
                    reservation(allocation, UUID.randomUUID()).toBuilder().sessionId(idle).build(),
                    reservation(allocation, UUID.randomUUID()).toBuilder().sessionId(active).build(),
                    reservation(allocation, UUID.randomUUID()).toBuilder().sessionId(confirmed)
                            .status(ReservationStatus.APPROVED).build()));
            Reservation created = work.reservations().find(ReservationCriteria.any().withSessions(Set.of(idle))).one();
            before = created.created().orElseThrow().plusSeconds(60);

            assertThat(work.reservations().touchSession(active, before.plusSeconds(60))).isEqualTo(1);
            assertThat(work.reservations().touchSession(UUID.randomUUID(), before)).isZero();

            List<UUID> expired = work.reservations().expiredSessions(before);
            assertThat(expired).contains(idle).doesNotContain(active, confirmed);
            assertThat(work.reservations().expiredSessions(created.created().orElseThrow())).doesNotContain(idle);
            assertThat(work.reservations().find(ReservationCriteria.any().withSessions(Set.of(active))).one()
                    .modified()).contains(before.plusSeconds(60));
        }
    }
}
