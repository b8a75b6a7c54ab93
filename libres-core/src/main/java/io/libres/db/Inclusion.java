package io.libres.db;

/**
 * Whether a search includes records with a property: any, only those with it, only those
 * without (libres' {@code 'any'}, {@code 'yes'}, {@code 'no'}).
 */
public enum Inclusion {
    /** Include all. */
    ANY,
    /** Include only those with the property. */
    YES,
    /** Include only those without the property. */
    NO;

    /**
     * Tells whether a record with or without the property is included.
     *
     * @param has whether the record has the property
     * @return true if included
     */
    public boolean admits(boolean has) {
        return this == ANY || (this == YES) == has;
    }
}
