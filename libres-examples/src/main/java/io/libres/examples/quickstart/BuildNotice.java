package io.libres.examples.quickstart;

/**
 * Printed by {@code ./mvnw -q -Pquickstart ...} before Maven builds anything (the root POM runs
 * this file in the JDK's source-file mode), because under {@code -q} Maven shows none of its own
 * downloads: without it a first run would sit silent for minutes.
 */
public final class BuildNotice {

    private BuildNotice() {
    }

    /**
     * Prints the notice.
     *
     * @param args none
     */
    public static void main(String[] args) {
        System.out.println("libres quickstart: building the modules it needs, then playing the story.");
        System.out.println("  The first run downloads Maven's plugins and libraries and the embedded PostgreSQL"
                + " binaries from Maven Central; under -q Maven prints none of that, so give it"
                + " a few minutes. Later runs start in seconds.");
    }
}
