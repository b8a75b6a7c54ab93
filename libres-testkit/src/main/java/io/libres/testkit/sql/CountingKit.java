package io.libres.testkit.sql;

import io.libres.context.Context;
import io.libres.context.Registry;
import io.libres.testkit.contract.CountingDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.util.UUID;

/**
 * The statement-count groups' common part: the adapter's storage on a data source that counts, at
 * the JDBC level, every statement sent through it, installed on a context of the test's own.
 */
abstract class CountingKit extends SqlAdapterKit {

    private CountingDataSource counting;
    private Context context;

    @BeforeEach
    void setUpCountedStorage() {
        counting = CountingDataSource.wrap(dataSource);
        context = Registry.createDefault().registerContext(getClass().getSimpleName() + "-" + UUID.randomUUID());
        install(context, counting);
    }

    /** A failed test must not leave its unit of work open: its locks would stall the next set-up. */
    @AfterEach
    void closeSession() {
        io.libres.db.Session.of(context).close();
    }

    /** The context the counted storage is installed on. */
    final Context context() {
        return context;
    }

    /** How many statements the work sent. */
    final int counting(Runnable work) {
        long before = counting.statements();
        work.run();
        return Math.toIntExact(counting.statements() - before);
    }

    /** The last statements sent, to read a failure by. */
    final String log() {
        return String.join("\n", counting.recentStatements());
    }
}
