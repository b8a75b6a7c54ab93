package io.libres.spi;

import org.jspecify.annotations.Nullable;

import io.libres.time.Timespan;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Which allocations a store method reads or deletes: every set criterion must hold (AND); a
 * criterion left unset matches everything. Each maps to one SQL predicate.
 *
 * @param mirrorOf allocations whose {@code mirror_of} is one of these; null for any
 * @param resources allocations whose {@code resource} is one of these; null for any
 * @param mastersOnly true for masters only ({@code resource = mirror_of})
 * @param ids allocations with one of these ids; null for any
 * @param groups allocations in one of these groups; null for any
 * @param overlapping allocations overlapping at least one of these spans (both ends inclusive:
 *     {@code _start <= s <= _end} or {@code s <= _start <= e}); null for any
 * @param startsAt allocations starting exactly then; null for any
 * @param approveManually allocations with this flag; null for any
 * @param partlyAvailable allocations with this flag; null for any
 */
public record AllocationCriteria(@Nullable Set<UUID> mirrorOf, @Nullable Set<UUID> resources, boolean mastersOnly,
        @Nullable Set<Integer> ids, @Nullable Set<UUID> groups, @Nullable List<Timespan> overlapping, @Nullable Instant startsAt,
        @Nullable Boolean approveManually, @Nullable Boolean partlyAvailable) {

    /**
     * Copies the collections so the criteria stay immutable.
     *
     * @param mirrorOf allocations whose {@code mirror_of} is one of these; null for any
     * @param resources allocations whose {@code resource} is one of these; null for any
     * @param mastersOnly true for masters only ({@code resource = mirror_of})
     * @param ids allocations with one of these ids; null for any
     * @param groups allocations in one of these groups; null for any
     * @param overlapping allocations overlapping at least one of these spans (both ends inclusive:
     *     {@code _start <= s <= _end} or {@code s <= _start <= e}); null for any
     * @param startsAt allocations starting exactly then; null for any
     * @param approveManually allocations with this flag; null for any
     * @param partlyAvailable allocations with this flag; null for any
     */
    public AllocationCriteria {
        mirrorOf = mirrorOf == null ? null : Set.copyOf(mirrorOf);
        resources = resources == null ? null : Set.copyOf(resources);
        ids = ids == null ? null : Set.copyOf(ids);
        groups = groups == null ? null : Set.copyOf(groups);
        overlapping = overlapping == null ? null : List.copyOf(overlapping);
    }

    /**
     * The allocations of real resources: {@code mirror_of} in the given set.
     *
     * @param realResources the real resources
     * @return the criteria
     */
    public static AllocationCriteria ofResources(Collection<UUID> realResources) {
        return new AllocationCriteria(Set.copyOf(realResources), null, false, null, null, null, null, null, null);
    }

    /**
     * The allocations of one real resource.
     *
     * @param realResource the real resource
     * @return the criteria
     */
    public static AllocationCriteria ofResource(UUID realResource) {
        return ofResources(Set.of(realResource));
    }

    /**
     * Every allocation, of any resource.
     *
     * @return the criteria matching everything
     */
    public static AllocationCriteria any() {
        return new AllocationCriteria(null, null, false, null, null, null, null, null, null);
    }

    /**
     * Narrowed to masters.
     *
     * @return the criteria
     */
    public AllocationCriteria masters() {
        return new AllocationCriteria(mirrorOf, resources, true, ids, groups, overlapping, startsAt, approveManually, partlyAvailable);
    }

    /**
     * Narrowed to allocations of the given resources (master or mirror resources).
     *
     * @param values the resources
     * @return the criteria
     */
    public AllocationCriteria withResources(Collection<UUID> values) {
        return new AllocationCriteria(mirrorOf, Set.copyOf(values), mastersOnly, ids, groups, overlapping, startsAt, approveManually, partlyAvailable);
    }

    /**
     * Narrowed to the given ids.
     *
     * @param values the ids
     * @return the criteria
     */
    public AllocationCriteria withIds(Collection<Integer> values) {
        return new AllocationCriteria(mirrorOf, resources, mastersOnly, Set.copyOf(values), groups, overlapping, startsAt, approveManually, partlyAvailable);
    }

    /**
     * Narrowed to the given groups.
     *
     * @param values the groups
     * @return the criteria
     */
    public AllocationCriteria withGroups(Collection<UUID> values) {
        return new AllocationCriteria(mirrorOf, resources, mastersOnly, ids, Set.copyOf(values), overlapping, startsAt, approveManually, partlyAvailable);
    }

    /**
     * Narrowed to allocations overlapping any of the spans.
     *
     * @param spans the spans
     * @return the criteria
     */
    public AllocationCriteria overlappingAny(Collection<Timespan> spans) {
        return new AllocationCriteria(mirrorOf, resources, mastersOnly, ids, groups, List.copyOf(spans), startsAt, approveManually, partlyAvailable);
    }

    /**
     * Narrowed to allocations starting at an instant.
     *
     * @param value the start
     * @return the criteria
     */
    public AllocationCriteria startingAt(Instant value) {
        return new AllocationCriteria(mirrorOf, resources, mastersOnly, ids, groups, overlapping, value, approveManually, partlyAvailable);
    }

    /**
     * Narrowed by the manual approval flag.
     *
     * @param value the flag
     * @return the criteria
     */
    public AllocationCriteria withApproveManually(boolean value) {
        return new AllocationCriteria(mirrorOf, resources, mastersOnly, ids, groups, overlapping, startsAt, value, partlyAvailable);
    }

    /**
     * Narrowed by the partly available flag.
     *
     * @param value the flag
     * @return the criteria
     */
    public AllocationCriteria withPartlyAvailable(boolean value) {
        return new AllocationCriteria(mirrorOf, resources, mastersOnly, ids, groups, overlapping, startsAt, approveManually, value);
    }
}
