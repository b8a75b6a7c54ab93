package io.libres.examples.quickstart;

import io.libres.context.Context;
import io.libres.context.Settings;

/** Chooses the PostgreSQL server of the story and points the context at it. */
final class Database {

    private Database() {
    }

    static void connect(Context context, Console console) {
        throw new StoryFailed("PostgreSQL storage is not wired yet; run with --in-memory");
    }
}
