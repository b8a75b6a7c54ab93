package io.libres.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.libres.db.models.Allocation;
import io.libres.db.models.Reservation;
import io.libres.db.models.ReservedSlot;
import io.libres.db.query.QueryResult;
import io.libres.errors.AlreadyReservedError;
import io.libres.errors.OverlappingAllocationError;
import io.libres.spi.AllocationCriteria;
import io.libres.spi.SlotCriteria;
import io.libres.spi.Storage;
import io.libres.spi.UnitOfWork;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The mutation check of the contract kit: deliberately broken variants of the in-memory storage,
 * each run through the kit's tests that are meant to catch it; every one must fail there. The
 * unbroken storage passes the same tests ({@link InMemoryStorageContractTest}), so a failure here
 * is the breakage being caught, and a pass means the kit lost its teeth.
 */
@DisplayName("the contract kit catches deliberately broken storages")
class KitMutationTest {

    /** A kit subclass on a broken storage. */
    abstract static class MutantKit extends StorageContractTest {
        private final Mutant.Breakage breakage;
        private Mutant storage;

        MutantKit(Mutant.Breakage breakage) {
            this.breakage = breakage;
        }

        @Override
        protected Storage newStorage() {
            storage = new Mutant(breakage);
            return storage;
        }

        @Override
        protected StatementCounter statementCounter() {
            return storage::statements;
        }
    }

    /** Inserts a batch of slots one by one, without a savepoint: a duplicate leaves the slots before it. */
    static class PartialSlotInsert extends MutantKit {
        PartialSlotInsert() {
            super(call -> {
                if (call.is("reservedSlots", "insert")) {
                    for (Object slot : (List<?>) call.args[0]) {
                        call.proceed(List.of(slot));
                    }
                    return null;
                }
                return call.proceed();
            });
        }
    }

    /** Reads what is committed now instead of the unit of work's snapshot and own writes (read committed). */
    static class ReadCommitted extends MutantKit {
        ReadCommitted() {
            super(call -> {
                if (!call.store.equals("unitOfWork") && (call.method.startsWith("find") || call.method.equals("byAllocation")
                        || call.method.equals("expiredSessions") || call.method.equals("groupSizes"))) {
                    try (UnitOfWork fresh = call.storage.begin()) {
                        Object store = UnitOfWork.class.getMethod(call.store).invoke(fresh);
                        Object result = call.proceedOn(store);
                        return result instanceof QueryResult ? Mutant.materialized((QueryResult<?>) result) : result;
                    }
                }
                return call.proceed();
            });
        }
    }

    /** Ignores every allocation criterion but the resources. */
    static class IgnoredCriteria extends MutantKit {
        IgnoredCriteria() {
            super(call -> {
                if (call.is("allocations", "find")) {
                    AllocationCriteria c = (AllocationCriteria) call.args[0];
                    return call.proceed(c.mirrorOf() == null ? AllocationCriteria.any()
                            : AllocationCriteria.ofResources(c.mirrorOf()));
                }
                return call.proceed();
            });
        }
    }

    /** Returns slots in the wrong order (by resource, then start). */
    static class WrongOrder extends MutantKit {
        WrongOrder() {
            super(call -> {
                if (call.is("reservedSlots", "find")) {
                    List<ReservedSlot> slots = new ArrayList<>(((QueryResult<ReservedSlot>) call.proceed()).list());
                    slots.sort(Comparator.comparing((ReservedSlot s) -> s.resource().toString())
                            .thenComparing(ReservedSlot::start, Comparator.reverseOrder()));
                    return QueryResult.of("slots", slots);
                }
                return call.proceed();
            });
        }
    }

    /** Reports a slot committed after the snapshot (invisible) as AlreadyReservedError, as a plain INSERT does. */
    static class InvisibleDuplicateAsAlreadyReserved extends MutantKit {
        InvisibleDuplicateAsAlreadyReserved() {
            super(call -> {
                if (call.is("reservedSlots", "insert")) {
                    try (UnitOfWork committed = call.storage.begin()) {
                        for (Object o : (List<?>) call.args[0]) {
                            ReservedSlot slot = (ReservedSlot) o;
                            boolean taken = committed.reservedSlots().find(SlotCriteria.any()
                                    .withResources(List.of(slot.resource()))).stream()
                                    .anyMatch(s -> s.start().equals(slot.start()));
                            if (taken) {
                                throw new AlreadyReservedError("23505 on reserved_slots_pkey");
                            }
                        }
                    }
                }
                return call.proceed();
            });
        }
    }

    /** Sets created anew on inserts that keep an id. */
    static class CreatedReset extends MutantKit {
        CreatedReset() {
            super(call -> {
                if (call.is("reservations", "insert")) {
                    return call.proceed(((List<?>) call.args[0]).stream()
                            .map(r -> ((Reservation) r).toBuilder().created(null).build()).collect(Collectors.toList()));
                }
                return call.proceed();
            });
        }
    }

    /** Orders expired sessions as Java compares uuids (signed), not as PostgreSQL does. */
    static class JavaUuidOrder extends MutantKit {
        JavaUuidOrder() {
            super(call -> {
                if (call.is("reservations", "expiredSessions")) {
                    List<UUID> sessions = new ArrayList<>((List<UUID>) call.proceed());
                    Collections.sort(sessions);
                    return sessions;
                }
                return call.proceed();
            });
        }
    }

    /** findUnused with singlesOnly counts only masters, so a master with a stored mirror passes as single. */
    static class SinglesIgnoreMirrors extends MutantKit {
        SinglesIgnoreMirrors() {
            super(call -> {
                if (call.is("allocations", "findUnused") && (Boolean) call.args[2]) {
                    List<Allocation> all = ((QueryResult<Allocation>) call.proceed(call.args[0], call.args[1], false)).list();
                    Map<UUID, Long> masters = all.stream().filter(Allocation::isMaster)
                            .collect(Collectors.groupingBy(Allocation::group, Collectors.counting()));
                    return QueryResult.of("unused", all.stream().filter(a -> masters.getOrDefault(a.group(), 0L) == 1)
                            .collect(Collectors.toList()));
                }
                return call.proceed();
            });
        }
    }

    /** Inserts allocations one statement per row (N+1). */
    static class AllocationsOneByOne extends MutantKit {
        AllocationsOneByOne() {
            super(call -> {
                if (call.is("allocations", "insert")) {
                    List<Allocation> stored = new ArrayList<>();
                    for (Object a : (List<?>) call.args[0]) {
                        stored.addAll((List<Allocation>) call.proceed(List.of(a)));
                    }
                    return stored;
                }
                return call.proceed();
            });
        }
    }

    /** Names the later twin itself as the allocation in the way. */
    static class TwinNamesItself extends MutantKit {
        TwinNamesItself() {
            super(call -> {
                if (call.is("allocations", "insert")) {
                    List<?> batch = (List<?>) call.args[0];
                    for (int i = 0; i < batch.size(); i++) {
                        for (int j = 0; j < i; j++) {
                            Allocation a = (Allocation) batch.get(i);
                            Allocation b = (Allocation) batch.get(j);
                            if (a.resource().equals(b.resource()) && a.start().equals(b.start())) {
                                throw new OverlappingAllocationError(a.start(), a.end(), a);
                            }
                        }
                    }
                }
                return call.proceed();
            });
        }
    }

    /** After commit, throws IllegalStateException instead of the documented StorageException. */
    static class UseAfterEndUntyped extends MutantKit {
        private static final Set<UnitOfWork> ENDED = Collections.synchronizedSet(
                Collections.newSetFromMap(new IdentityHashMap<>()));

        UseAfterEndUntyped() {
            super(call -> {
                if (ENDED.contains(call.work)) {
                    throw new IllegalStateException("closed");
                }
                if (call.is("unitOfWork", "commit")) {
                    Object result = call.proceed();
                    ENDED.add(call.work);
                    return result;
                }
                return call.proceed();
            });
        }
    }

    /** A statement counter that counts nothing. */
    static class CounterCountsNothing extends MutantKit {
        CounterCountsNothing() {
            super(Mutant.Call::proceed);
        }

        @Override
        protected StatementCounter statementCounter() {
            return () -> 0;
        }
    }

    static Stream<Arguments> mutants() {
        return Stream.of(
                Arguments.of(PartialSlotInsert.class, List.of("twinSlots", "ownSlot")),
                Arguments.of(ReadCommitted.class, List.of("snapshot")),
                Arguments.of(IgnoredCriteria.class, List.of("findByEveryCriterion")),
                Arguments.of(WrongOrder.class, List.of("insertAndFind")),
                Arguments.of(InvisibleDuplicateAsAlreadyReserved.class, List.of("invisibleCommittedSlot")),
                Arguments.of(CreatedReset.class, List.of("createdKeptOnIdKeepingInserts")),
                Arguments.of(JavaUuidOrder.class, List.of("expiredSessionsOrdered")),
                Arguments.of(SinglesIgnoreMirrors.class, List.of("unusedWithMirrors")),
                Arguments.of(AllocationsOneByOne.class, List.of("allocationStore")),
                Arguments.of(TwinNamesItself.class, List.of("twinAllocations")),
                Arguments.of(UseAfterEndUntyped.class, List.of("useAfterEnd")),
                Arguments.of(CounterCountsNothing.class, List.of("statementCounterCounts", "allocationStore")));
    }

    /**
     * Runs the named kit tests on a kit subclass and gives the names of those that failed.
     *
     * @param kit the kit subclass
     * @param tests the test methods to run
     * @return the failed ones
     */
    static List<String> failedTests(Class<?> kit, List<String> tests) {
        PostDiscoveryFilter only = descriptor -> FilterResult.includedIf(!descriptor.isTest()
                || tests.contains(methodName(descriptor)));
        List<Event> failed = EngineTestKit.engine("junit-jupiter").selectors(selectClass(kit)).filters(only)
                .execute().testEvents().failed().list();
        return failed.stream().map(e -> methodName(e.getTestDescriptor())).collect(Collectors.toList());
    }

    /**
     * Runs the named kit tests on a kit subclass and counts them.
     *
     * @param kit the kit subclass
     * @param tests the test methods to run
     * @return how many ran to the end
     */
    static int ranTests(Class<?> kit, List<String> tests) {
        PostDiscoveryFilter only = descriptor -> FilterResult.includedIf(!descriptor.isTest()
                || tests.contains(methodName(descriptor)));
        return (int) EngineTestKit.engine("junit-jupiter").selectors(selectClass(kit)).filters(only)
                .execute().testEvents().finished().count();
    }

    private static String methodName(TestDescriptor descriptor) {
        return descriptor.getSource()
                .filter(org.junit.platform.engine.support.descriptor.MethodSource.class::isInstance)
                .map(s -> ((org.junit.platform.engine.support.descriptor.MethodSource) s).getMethodName())
                .orElse(descriptor.getDisplayName());
    }

    @ParameterizedTest(name = "{0}: caught by {1}")
    @MethodSource("mutants")
    @DisplayName("each broken storage fails the kit tests meant to catch it")
    void caught(Class<? extends MutantKit> mutant, List<String> catchers) {
        assertThat(failedTests(mutant, catchers)).as("kit tests failing on %s", mutant.getSimpleName())
                .containsAll(catchers);
    }

    @ParameterizedTest(name = "unbroken: {1}")
    @MethodSource("mutants")
    @DisplayName("the unbroken in-memory storage passes the same kit tests")
    void unbrokenPasses(Class<? extends MutantKit> mutant, List<String> catchers) {
        assertThat(ranTests(InMemoryStorageContractTest.class, catchers)).isGreaterThanOrEqualTo(catchers.size());
        assertThat(failedTests(InMemoryStorageContractTest.class, catchers)).isEmpty();
    }
}
