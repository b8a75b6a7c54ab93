package io.libres.context.discovery;

/** The service of the test-only greeter port. */
public interface Greeter {

    /**
     * Greets someone.
     *
     * @param who whom to greet
     * @return the greeting
     */
    String greet(String who);
}
