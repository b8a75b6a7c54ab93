package io.libres.recurrence;

import io.libres.errors.LibresException;

/**
 * An occurrence of a series that was not booked, and why.
 *
 * @param occurrence the occurrence
 * @param reason the typed error booking it alone would have raised
 */
public record Refusal(Occurrence occurrence, LibresException reason) {
}
