package io.libres.db.models;

/**
 * One block of an allocation's availability partitions: a share of the allocation's length
 * that is either free or reserved.
 *
 * @param percentage the share of the allocation, 0 to 100
 * @param reserved true if the block is reserved (or blocked, or an hour that does not exist)
 */
public record Partition(double percentage, boolean reserved) {
}
