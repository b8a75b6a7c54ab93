package io.libres.postgres.archfixture;

/** Stands for a class of libres-postgres-support. */
public final class PostgresSupportClass {
}
