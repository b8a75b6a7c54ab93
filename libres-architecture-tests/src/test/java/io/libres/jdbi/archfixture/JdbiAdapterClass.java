package io.libres.jdbi.archfixture;

/** Stands for a class of the JDBI adapter. */
public final class JdbiAdapterClass {
}
