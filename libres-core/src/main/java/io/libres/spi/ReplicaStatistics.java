package io.libres.spi;

/**
 * What a storage with read replicas did with its read-only units of work since it was made, for
 * metrics and tests: counts only ever grow.
 *
 * @param replicaReads read-only units of work that ran on a replica
 * @param primaryReads read-only units of work that fell back to the primary (no replica was up, or
 *     none had replayed the position the read had to see within the wait bound, or every one lagged
 *     beyond the lag bound)
 * @param waits read-only units of work that waited on a replica for it to replay a position
 * @param skippedDown times a replica was skipped because it could not be reached
 * @param skippedLagging times a replica was skipped because it lagged beyond the bound, or did not
 *     reach the position within the wait bound
 */
public record ReplicaStatistics(long replicaReads, long primaryReads, long waits, long skippedDown,
        long skippedLagging) {
}
