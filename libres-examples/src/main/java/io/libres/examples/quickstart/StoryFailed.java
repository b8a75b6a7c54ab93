package io.libres.examples.quickstart;

/** Thrown when a step of the story did not behave as the library promises; the program then exits non-zero. */
final class StoryFailed extends RuntimeException {

    private static final long serialVersionUID = 1L;

    StoryFailed(String message) {
        super(message);
    }

    /**
     * Fails the story unless a promise holds.
     *
     * @param holds whether the library kept its promise
     * @param promise what was expected, in words
     */
    static void expect(boolean holds, String promise) {
        if (!holds) {
            throw new StoryFailed("Expected " + promise);
        }
    }
}
