package io.libres.json.gson.archfixture;

import io.libres.postgres.archfixture.PostgresSupportClass;

/** A deliberate violation: a JSON module using the SQL adapters' shared support. */
public final class GsonModuleUsingPostgresSupport {
    PostgresSupportClass used;
}
