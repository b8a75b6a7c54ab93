package io.libres.testkit.postgres;

/** How much of a test run shares one database. */
public enum Isolation {

    /**
     * Each test class gets its own database, shared by its tests and its {@code @Nested}
     * classes; tests of one class see each other's rows, other classes do not.
     */
    PER_CLASS,

    /** Each test gets its own database; slower, but no test sees another's rows. */
    PER_TEST
}
