package io.libres.testkit.postgres.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

/** Tells which PostgreSQL the tests use: through slf4j, and on standard error when slf4j has no binding. */
public final class Announcer {

    private static final Logger LOG = LoggerFactory.getLogger("io.libres.testkit.postgres");

    private Announcer() {
    }

    /**
     * Logs the line at INFO, or prints it to standard error if no slf4j provider is present.
     *
     * @param line what to tell
     */
    public static void announce(String line) {
        LOG.info(line);
        if (LoggerFactory.getILoggerFactory() instanceof NOPLoggerFactory) {
            System.err.println(line);
        }
    }
}
