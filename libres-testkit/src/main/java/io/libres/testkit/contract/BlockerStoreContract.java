package io.libres.testkit.contract;

import static io.libres.testkit.contract.ContractFixture.allocation;
import static io.libres.testkit.contract.ContractFixture.blocker;
import static io.libres.testkit.contract.ContractFixture.hour;
import static org.assertj.core.api.Assertions.assertThat;

import io.libres.db.models.Allocation;
import io.libres.db.models.ReservationBlocker;
import io.libres.db.models.TargetType;
import io.libres.spi.BlockerCriteria;
import io.libres.spi.UnitOfWork;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/** The contract of {@link io.libres.spi.BlockerStore}. */
public abstract class BlockerStoreContract extends ContractGroup {

    /**
     * Creates the group.
     *
     * @param fixture supplies the running test's fixture
     */
    protected BlockerStoreContract(Supplier<ContractFixture> fixture) {
        super(fixture);
    }

    private static List<Integer> ids(UnitOfWork work, BlockerCriteria criteria) {
        return work.blockers().find(criteria).list().stream().map(ReservationBlocker::requireId).toList();
    }

    @Test
    @DisplayName("insert gives new ids, keeps given ones, and keeps every column")
    void insertKeepsEveryColumn() {
        UUID resource = resource();
        UUID token = UUID.randomUUID();
        Allocation allocation = allocation(resource, hour(0), 2);
        ReservationBlocker grouped = new ReservationBlocker(null, token, UUID.randomUUID(), TargetType.GROUP,
                resource, null, null, null, null, null, null);
        try (UnitOfWork work = begin()) {
            List<ReservationBlocker> stored = work.blockers().insert(List.of(blocker(allocation, token), grouped));
            int kept = stored.get(1).requireId() + 1_000_000;
            work.blockers().insert(List.of(blocker(allocation, UUID.randomUUID()).withId(kept)));

            assertThat(stored.get(0).requireId()).isLessThan(stored.get(1).requireId());
            assertThat(stored.get(0).created()).isNotNull();
            List<ReservationBlocker> read = work.blockers().find(BlockerCriteria.ofResources(Set.of(resource))).list();
            assertThat(read).extracting(ReservationBlocker::requireId).containsExactly(stored.get(0).requireId(), stored.get(1).requireId(),
                    kept);
            assertThat(read.get(0)).usingRecursiveComparison().ignoringFields("created")
                    .isEqualTo(blocker(allocation, token).withId(stored.get(0).requireId()));
            assertThat(read.get(1).targetType()).isEqualTo(TargetType.GROUP);
            assertThat(read.get(1).start()).isNull();
            assertThat(read.get(1).reason()).isNull();
            assertThat(read.get(1).modified()).isNull();
        }
    }

    @Test
    @DisplayName("update writes by id and sets the modification time")
    void update() {
        UUID resource = resource();
        try (UnitOfWork work = begin()) {
            ReservationBlocker stored = work.blockers().insert(List.of(blocker(allocation(resource, hour(0), 1),
                    UUID.randomUUID()))).get(0);
            work.blockers().update(List.of(stored.withReason("painting")));

            ReservationBlocker read = work.blockers().find(BlockerCriteria.ofResources(Set.of(resource))).one();
            assertThat(read.reason()).isEqualTo("painting");
            assertThat(read.modified()).isNotNull();
        }
    }

    @Test
    @DisplayName("find narrows by every criterion, ordered by id; delete tells how many")
    void findAndDelete() {
        UUID resource = resource();
        UUID token = UUID.randomUUID();
        Allocation first = allocation(resource, hour(0), 1);
        Allocation second = allocation(resource, hour(2), 1);
        try (UnitOfWork work = begin()) {
            List<ReservationBlocker> stored = work.blockers().insert(List.of(blocker(first, token),
                    blocker(second, token), blocker(second, UUID.randomUUID())));
            int a = stored.get(0).requireId();
            int b = stored.get(1).requireId();
            int c = stored.get(2).requireId();
            BlockerCriteria mine = BlockerCriteria.ofResources(Set.of(resource));

            assertThat(ids(work, mine)).containsExactly(a, b, c);
            assertThat(ids(work, mine.withToken(token))).containsExactly(a, b);
            assertThat(ids(work, mine.withId(c))).containsExactly(c);
            assertThat(ids(work, mine.withTargets(Set.of(second.group())))).containsExactly(b, c);
            assertThat(ids(work, BlockerCriteria.ofResources(Set.of(UUID.randomUUID())))).isEmpty();

            assertThat(work.blockers().delete(mine.withToken(token))).isEqualTo(2);
            assertThat(ids(work, mine)).containsExactly(c);
        }
    }

    @Test
    @DisplayName("keeps data for a token only while a blocker of the resource has it; deleting its last blocker"
            + " deletes the data, a partial delete keeps it")
    void tokenData() {
        UUID resource = resource();
        UUID token = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        Allocation first = allocation(resource, hour(0), 1);
        Allocation second = allocation(resource, hour(2), 1);
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("rule", "FREQ=WEEKLY;BYDAY=MO");
        data.put("days", List.of("2027-03-15", "2027-03-22"));
        data.put("count", 2);
        try (UnitOfWork work = begin()) {
            List<ReservationBlocker> stored = work.blockers().insert(List.of(blocker(first, token),
                    blocker(second, token), blocker(second, other)));

            assertThat(work.blockers().keepData(resource, UUID.randomUUID(), data)).isFalse();
            assertThat(work.blockers().keepData(UUID.randomUUID(), token, data)).isFalse();
            assertThat(work.blockers().keepData(resource, token, Map.of("rule", "replaced"))).isTrue();
            assertThat(work.blockers().keepData(resource, token, data)).isTrue();
            assertThat(work.blockers().keepData(resource, other, Map.of("rule", "other"))).isTrue();
            assertThat(work.blockers().data(resource, token)).hasValueSatisfying(kept -> {
                assertThat(kept).containsOnlyKeys("rule", "days", "count");
                assertThat(kept.get("rule")).isEqualTo("FREQ=WEEKLY;BYDAY=MO");
                assertThat(kept.get("days")).isEqualTo(List.of("2027-03-15", "2027-03-22"));
                assertThat(((Number) kept.get("count")).intValue()).isEqualTo(2);
            });
            assertThat(work.blockers().data(UUID.randomUUID(), token)).isEmpty();

            BlockerCriteria mine = BlockerCriteria.ofResources(Set.of(resource));
            assertThat(work.blockers().delete(mine.withId(stored.get(0).requireId()))).isEqualTo(1);
            assertThat(work.blockers().data(resource, token)).isPresent();
            assertThat(work.blockers().delete(mine.withToken(token))).isEqualTo(1);
            assertThat(work.blockers().data(resource, token)).isEmpty();
            assertThat(work.blockers().data(resource, other)).hasValue(Map.of("rule", "other"));
            assertThat(work.blockers().delete(mine)).isEqualTo(1);
            assertThat(work.blockers().data(resource, other)).isEmpty();
        }
    }
}
