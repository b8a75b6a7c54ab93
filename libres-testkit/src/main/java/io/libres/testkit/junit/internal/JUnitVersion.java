package io.libres.testkit.junit.internal;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails fast on a JUnit Jupiter older than the testkit supports, instead of running tests whose
 * databases and fixtures would never be cleaned up.
 */
public final class JUnitVersion {

    /** The oldest JUnit Jupiter the testkit runs on, and is tested against. */
    public static final String MINIMUM = "5.10";

    /** A type JUnit Jupiter 5.10 added: present means 5.10 or newer. */
    private static final String MARKER = "org.junit.jupiter.api.io.TempDirFactory";

    private static volatile boolean checked;

    private JUnitVersion() {
    }

    /**
     * Checks the JUnit Jupiter on the class path once.
     *
     * @throws ExtensionConfigurationException if it is older than {@value #MINIMUM}, naming the
     *     version found and the minimum
     */
    public static void require() {
        if (checked) {
            return;
        }
        require(ExtensionContext.class.getClassLoader(), MARKER);
        checked = true;
    }

    /**
     * Checks for a marker type; tests name one that does not exist.
     *
     * @param loader where to look
     * @param marker the type the minimum version has
     * @throws ExtensionConfigurationException if the marker type is missing
     */
    static void require(ClassLoader loader, String marker) {
        try {
            Class.forName(marker, false, loader);
        } catch (ClassNotFoundException e) {
            String found = ExtensionContext.class.getPackage().getImplementationVersion();
            throw new ExtensionConfigurationException("libres-testkit needs JUnit Jupiter " + MINIMUM
                    + " or newer, but found " + (found == null ? "an older version" : found)
                    + "; upgrade junit-jupiter (or import junit-bom " + MINIMUM + ".0 or newer)");
        }
    }
}
