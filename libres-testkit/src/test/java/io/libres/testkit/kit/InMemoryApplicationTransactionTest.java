package io.libres.testkit.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.libres.db.AllocateOptions;
import io.libres.db.Session;
import io.libres.db.Work;
import io.libres.errors.InvalidArgument;
import io.libres.errors.SerializationFailure;
import io.libres.errors.StorageException;
import io.libres.spi.Storage;
import io.libres.spi.UnitOfWork;
import io.libres.testkit.memory.InMemoryStorage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link ApplicationTransactionKit} on the in-memory storage, the application's transaction a
 * unit of work the test owns ({@link InMemoryStorage#joining}) and its own write an order kept
 * with it, made visible when, and only when, that unit of work commits.
 */
@DisplayName("in memory: joining a unit of work the application owns")
class InMemoryApplicationTransactionTest extends ApplicationTransactionKit {

    private final Set<UUID> committedOrders = ConcurrentHashMap.newKeySet();

    @Override
    protected Storage newStorage() {
        return InMemoryStorage.create();
    }

    private InMemoryStorage memory() {
        return (InMemoryStorage) storage();
    }

    @Override
    protected <T> T inApplicationTransaction(ApplicationWork<T> work) {
        UnitOfWork owner = memory().begin();
        List<UUID> orders = new ArrayList<>();
        try {
            T result = work.run(new ApplicationTransaction() {
                @Override
                public void insertOrder(UUID order) {
                    orders.add(order);
                }

                @Override
                public Work join(Session session) {
                    return session.join(memory().joining(owner));
                }
            });
            owner.commit();
            committedOrders.addAll(orders);
            return result;
        } finally {
            if (owner.isOpen()) {
                owner.rollback();
            }
        }
    }

    @Override
    protected boolean isCommitted(UUID order) {
        return committedOrders.contains(order);
    }

    @Test
    @DisplayName("joining refuses a missing, ended, joined or foreign unit of work with InvalidArgument")
    void joiningRefusesWhatItCannotJoin() {
        UnitOfWork ended = memory().begin();
        ended.rollback();
        UnitOfWork owner = memory().begin();
        UnitOfWork foreign = InMemoryStorage.create().begin();
        try {
            UnitOfWork joined = memory().joining(owner);
            assertThatThrownBy(() -> memory().joining(null)).isInstanceOf(InvalidArgument.class)
                    .hasMessageContaining("missing");
            assertThatThrownBy(() -> memory().joining(ended)).isInstanceOf(InvalidArgument.class)
                    .hasMessageContaining("already committed, rolled back or closed");
            assertThatThrownBy(() -> memory().joining(joined)).isInstanceOf(InvalidArgument.class)
                    .hasMessageContaining("itself a joined one");
            assertThatThrownBy(() -> memory().joining(foreign)).isInstanceOf(InvalidArgument.class)
                    .hasMessageContaining("not begun by this in-memory storage");
            assertThat(joined.isJoined()).isTrue();
        } finally {
            owner.rollback();
            foreign.rollback();
        }
    }

    @Test
    @DisplayName("the joined unit of work takes no connection of its own and never ends its owner")
    void joinedTakesNoConnectionAndLeavesTheOwnerOpen() {
        InMemoryStorage onePool = InMemoryStorage.withConnections(1, Duration.ofMillis(50));
        UnitOfWork owner = onePool.begin();
        UnitOfWork joined = onePool.joining(owner);
        assertThat(onePool.openUnitsOfWork()).isEqualTo(1);

        joined.commit();
        assertThat(owner.isOpen()).isTrue();
        UnitOfWork again = onePool.joining(owner);
        again.close();
        assertThat(owner.isOpen()).isTrue();
        assertThat(onePool.openUnitsOfWork()).isEqualTo(1);

        owner.commit();
        assertThat(onePool.openUnitsOfWork()).isZero();
    }

    @Test
    @DisplayName("a joined unit of work whose owner ended refuses every store with StorageException")
    void ownerEndedFirst() {
        UnitOfWork owner = memory().begin();
        UnitOfWork joined = memory().joining(owner);
        owner.rollback();

        assertThat(joined.isOpen()).isFalse();
        assertThatThrownBy(joined::allocations).isInstanceOf(StorageException.class)
                .hasMessageContaining("has ended");
        assertThatThrownBy(joined::commit).isInstanceOf(StorageException.class);
        joined.close();
    }

    @Test
    @DisplayName("a conflict shows at the owner's commit, after the joined unit of work committed")
    void conflictAtTheOwnersCommit() {
        scheduler().transaction(() -> scheduler().allocate(NINE, AllocateOptions.builder().quota(2).build()));
        UnitOfWork owner = memory().begin();
        try (Work work = Session.of(context()).join(memory().joining(owner))) {
            scheduler().approveReservations(scheduler().reserve("first@example.org", NINE));
            work.commit();
        }
        scheduler().transaction(() -> scheduler().approveReservations(scheduler().reserve("second@example.org", NINE)));

        assertThatThrownBy(owner::commit).isInstanceOf(SerializationFailure.class);
        assertThat(scheduler().managedReservations().list()).extracting(r -> r.email())
                .containsExactly("second@example.org");
    }
}
