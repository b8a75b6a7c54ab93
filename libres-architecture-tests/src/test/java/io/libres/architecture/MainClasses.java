package io.libres.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The main classes of every libres module, imported once per test JVM for all rule classes. */
final class MainClasses {

    private static JavaClasses imported;

    private MainClasses() {
    }

    /** @return every main (non-test) class under {@code io.libres} */
    static synchronized JavaClasses all() {
        if (imported == null) {
            imported = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("io.libres");
        }
        return imported;
    }
}
