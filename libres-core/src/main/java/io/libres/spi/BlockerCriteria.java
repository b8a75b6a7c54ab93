package io.libres.spi;

import org.jspecify.annotations.Nullable;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * Which blockers a store method reads, changes or deletes: every set criterion must hold; a
 * criterion left unset matches everything.
 *
 * @param resources blockers of these resources; null for any
 * @param tokens blockers with one of these tokens; null for any
 * @param ids blockers with one of these ids; null for any
 * @param targets blockers targeting one of these groups; null for any
 */
public record BlockerCriteria(@Nullable Set<UUID> resources, @Nullable Set<UUID> tokens, @Nullable Set<Integer> ids, @Nullable Set<UUID> targets) {

    /**
     * Copies the collections so the criteria stay immutable.
     *
     * @param resources blockers of these resources; null for any
     * @param tokens blockers with one of these tokens; null for any
     * @param ids blockers with one of these ids; null for any
     * @param targets blockers targeting one of these groups; null for any
     */
    public BlockerCriteria {
        resources = resources == null ? null : Set.copyOf(resources);
        tokens = tokens == null ? null : Set.copyOf(tokens);
        ids = ids == null ? null : Set.copyOf(ids);
        targets = targets == null ? null : Set.copyOf(targets);
    }

    /**
     * The blockers of some resources.
     *
     * @param values the resources
     * @return the criteria
     */
    public static BlockerCriteria ofResources(Collection<UUID> values) {
        return new BlockerCriteria(Set.copyOf(values), null, null, null);
    }

    /**
     * Narrowed to a token.
     *
     * @param value the token
     * @return the criteria
     */
    public BlockerCriteria withToken(UUID value) {
        return new BlockerCriteria(resources, Set.of(value), ids, targets);
    }

    /**
     * Narrowed to an id.
     *
     * @param value the id
     * @return the criteria
     */
    public BlockerCriteria withId(int value) {
        return new BlockerCriteria(resources, tokens, Set.of(value), targets);
    }

    /**
     * Narrowed to ids.
     *
     * @param values the ids
     * @return the criteria
     */
    public BlockerCriteria withIds(Collection<Integer> values) {
        return new BlockerCriteria(resources, tokens, Set.copyOf(values), targets);
    }

    /**
     * Narrowed to targets.
     *
     * @param values the targeted groups
     * @return the criteria
     */
    public BlockerCriteria withTargets(Collection<UUID> values) {
        return new BlockerCriteria(resources, tokens, ids, Set.copyOf(values));
    }
}
