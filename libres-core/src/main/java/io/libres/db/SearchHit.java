package io.libres.db;

import io.libres.db.models.Allocation;

/**
 * An allocation found by {@link Scheduler#searchAllocations}.
 *
 * @param allocation the allocation
 * @param extraResult true if it did not match itself but belongs to a group a match belongs to
 */
public record SearchHit(Allocation allocation, boolean extraResult) {
}
