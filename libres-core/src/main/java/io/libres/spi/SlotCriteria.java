package io.libres.spi;

import org.jspecify.annotations.Nullable;

import io.libres.db.models.SlotSource;
import io.libres.time.Timespan;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * Which reserved slots a store method reads or deletes: every set criterion must hold; a
 * criterion left unset matches everything.
 *
 * @param mirrorOf slots on allocations whose {@code mirror_of} is one of these; null for any
 * @param allocationIds slots on these allocations; null for any
 * @param tokens slots with one of these reservation tokens; null for any
 * @param source slots written by this kind of source; null for any
 * @param sourceIds slots whose source id is one of these; null for any
 * @param resources slots whose own {@code resource} column is one of these; null for any
 * @param during slots overlapping this span ({@code start <= during.end} and
 *     {@code end >= during.start}); null for any
 */
public record SlotCriteria(@Nullable Set<UUID> mirrorOf, @Nullable Set<Integer> allocationIds, @Nullable Set<UUID> tokens,
        @Nullable SlotSource source, @Nullable Set<Integer> sourceIds, @Nullable Set<UUID> resources, @Nullable Timespan during) {

    /**
     * Copies the collections so the criteria stay immutable.
     *
     * @param mirrorOf slots on allocations whose {@code mirror_of} is one of these; null for any
     * @param allocationIds slots on these allocations; null for any
     * @param tokens slots with one of these reservation tokens; null for any
     * @param source slots written by this kind of source; null for any
     * @param sourceIds slots whose source id is one of these; null for any
     * @param resources slots whose own {@code resource} column is one of these; null for any
     * @param during slots overlapping this span ({@code start <= during.end} and
     *     {@code end >= during.start}); null for any
     */
    public SlotCriteria {
        mirrorOf = mirrorOf == null ? null : Set.copyOf(mirrorOf);
        allocationIds = allocationIds == null ? null : Set.copyOf(allocationIds);
        tokens = tokens == null ? null : Set.copyOf(tokens);
        sourceIds = sourceIds == null ? null : Set.copyOf(sourceIds);
        resources = resources == null ? null : Set.copyOf(resources);
    }

    /**
     * The slots on allocations of one real resource (master and mirrors).
     *
     * @param realResource the real resource
     * @return the criteria
     */
    public static SlotCriteria ofResource(UUID realResource) {
        return new SlotCriteria(Set.of(realResource), null, null, null, null, null, null);
    }

    /**
     * Every slot.
     *
     * @return the criteria matching everything
     */
    public static SlotCriteria any() {
        return new SlotCriteria(null, null, null, null, null, null, null);
    }

    /**
     * Narrowed to the slots of these allocations.
     *
     * @param ids allocation ids
     * @return the criteria
     */
    public SlotCriteria withAllocationIds(Collection<Integer> ids) {
        return new SlotCriteria(mirrorOf, Set.copyOf(ids), tokens, source, sourceIds, resources, during);
    }

    /**
     * Narrowed to a token.
     *
     * @param token the reservation or blocker token
     * @return the criteria
     */
    public SlotCriteria withToken(UUID token) {
        return new SlotCriteria(mirrorOf, allocationIds, Set.of(token), source, sourceIds, resources, during);
    }

    /**
     * Narrowed to tokens.
     *
     * @param values the tokens
     * @return the criteria
     */
    public SlotCriteria withTokens(Collection<UUID> values) {
        return new SlotCriteria(mirrorOf, allocationIds, Set.copyOf(values), source, sourceIds, resources, during);
    }

    /**
     * Narrowed to a kind of source.
     *
     * @param value the source kind
     * @return the criteria
     */
    public SlotCriteria withSource(SlotSource value) {
        return new SlotCriteria(mirrorOf, allocationIds, tokens, value, sourceIds, resources, during);
    }

    /**
     * Narrowed to one source id.
     *
     * @param value the reservation or blocker id
     * @return the criteria
     */
    public SlotCriteria withSourceId(int value) {
        return new SlotCriteria(mirrorOf, allocationIds, tokens, source, Set.of(value), resources, during);
    }

    /**
     * Narrowed to slots whose own resource is one of these (master or mirror resources).
     *
     * @param values the resources
     * @return the criteria
     */
    public SlotCriteria withResources(Collection<UUID> values) {
        return new SlotCriteria(mirrorOf, allocationIds, tokens, source, sourceIds, Set.copyOf(values), during);
    }

    /**
     * Narrowed to slots overlapping a span.
     *
     * @param span the span
     * @return the criteria
     */
    public SlotCriteria overlapping(Timespan span) {
        return new SlotCriteria(mirrorOf, allocationIds, tokens, source, sourceIds, resources, span);
    }
}
