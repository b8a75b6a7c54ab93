package io.libres.testkit.stress;

import java.util.Random;

/**
 * What a fault run does to the database under a {@link StressRun}: terminates backends at random
 * moments and restarts the server once.
 */
public interface Faults {

    /**
     * Terminates one backend serving the database under test (a pooled connection, idle or in the
     * middle of a unit of work), as {@code pg_terminate_backend} does.
     *
     * @param random chooses the backend
     * @return how many backends were terminated, 0 or 1
     */
    int terminateRandomBackend(Random random);

    /**
     * Restarts the server (every connection is lost; the server accepts connections again on the
     * same address when this returns).
     */
    void restartServer();
}
