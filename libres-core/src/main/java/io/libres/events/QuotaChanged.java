package io.libres.events;

import io.libres.context.Context;
import io.libres.db.models.Allocation;

/**
 * Raised when the quota of a master allocation changes.
 *
 * @param context the context used
 * @param master the master as it is now
 * @param oldQuota the quota before
 * @param newQuota the quota now
 */
public record QuotaChanged(Context context, Allocation master, int oldQuota, int newQuota) implements LibresEvent {
}
