package io.libres.examples.quickstart;

import io.libres.Libres;
import io.libres.context.Context;
import io.libres.context.Registry;
import io.libres.testkit.memory.InMemoryStorage;
import java.io.PrintStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/**
 * The quickstart: a short booking story played on a real PostgreSQL, printed as it happens.
 *
 * <p>Without configuration it starts an embedded PostgreSQL (binaries from Maven Central); with
 * {@code LIBRES_JDBC_URL} set it uses that server, through the JDBI adapter, or through the jOOQ
 * adapter with {@code jooq} as argument. {@code --in-memory} plays the story on the testkit's
 * in-memory storage instead. Exits 0 when every step behaved as promised, 1 otherwise.
 */
public final class Quickstart {

    private static final ZoneId ZONE = ZoneId.of("Europe/Zurich");

    private Quickstart() {
    }

    /**
     * Plays the story.
     *
     * @param args {@code --in-memory} to play it without PostgreSQL; {@code jooq} (or {@code jdbi},
     *     the default, also spelled {@code postgresql}) for the adapter on PostgreSQL
     */
    public static void main(String[] args) {
        PrintStream out = System.out;
        String storage = args.length > 0 ? args[0].replaceFirst("^--", "") : "jdbi";
        try {
            play(storage, System.getenv(Database.URL_VARIABLE), out);
            out.println();
            out.println("Every step behaved as promised.");
        } catch (StoryFailed | InterruptedException e) {
            System.err.println();
            System.err.println("The story failed: " + e.getMessage());
            System.exit(1);
        }
    }

    static void play(boolean inMemory, PrintStream out) throws InterruptedException {
        play(inMemory, System.getenv(Database.URL_VARIABLE), out);
    }

    static void play(boolean inMemory, String url, PrintStream out) throws InterruptedException {
        play(inMemory ? "in-memory" : "jdbi", url, out);
    }

    /**
     * Plays the story on a storage.
     *
     * @param storage {@code in-memory}, {@code jdbi} (also {@code postgresql}) or {@code jooq}
     * @param url the PostgreSQL server to play on, or null for an embedded one
     * @param out where the story is told
     */
    static void play(String storage, String url, PrintStream out) throws InterruptedException {
        Console console = new Console(out);
        Registry registry = Registry.createDefault();
        Context context = registry.registerContext("quickstart");
        switch (storage) {
            case "in-memory":
                InMemoryStorage.installOn(context);
                console.say("Storage: the testkit's in-memory storage.");
                break;
            case "jdbi":
            case "postgresql":
                Database.connect(context, "jdbi", console, url);
                break;
            case "jooq":
                Database.connect(context, "jooq", console, url);
                break;
            default:
                throw new StoryFailed("no storage '" + storage + "'; expected in-memory, jdbi (postgresql) or jooq");
        }
        Libres.newScheduler(context, "setup", ZONE).setupDatabase();

        LocalDate monday = LocalDate.now(ZONE).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        new MeetingRoom(context, ZONE, monday, console).play();
        new FreeRooms(context, ZONE, monday, console).play();
        new Concert(context, ZONE, monday.plusDays(4), console).play();
        new Course(context, ZONE, monday, console).play();
        new ShoppingCart(context, ZONE, monday.plusDays(5), console).play();
        new Week(context, ZONE, monday, console).play();
    }
}
