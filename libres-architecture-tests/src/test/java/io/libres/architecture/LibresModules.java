package io.libres.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The modules of libres for Java as ArchUnit sees them: each module owns one root package, and the
 * core owns every {@code io.libres} package that no other module claims.
 */
enum LibresModules {
    JSON_JACKSON("libres-json-jackson", "io.libres.json.jackson"),
    JSON_JACKSON3("libres-json-jackson3", "io.libres.json.jackson3"),
    JSON_GSON("libres-json-gson", "io.libres.json.gson"),
    POSTGRES_SUPPORT("libres-postgres-support", "io.libres.postgres"),
    JDBI_ADAPTER("libres-jdbi-adapter", "io.libres.jdbi", POSTGRES_SUPPORT),
    JOOQ_ADAPTER("libres-jooq-adapter", "io.libres.jooq", POSTGRES_SUPPORT),
    FLYWAY("libres-flyway", "io.libres.flyway", POSTGRES_SUPPORT),
    LIQUIBASE("libres-liquibase", "io.libres.liquibase", POSTGRES_SUPPORT),
    MICROMETER("libres-micrometer", "io.libres.micrometer"),
    RECURRENCE("libres-recurrence", "io.libres.recurrence"),
    TESTKIT("libres-testkit", "io.libres.testkit", RECURRENCE),
    SPRING_BOOT_STARTER("libres-spring-boot-starter", "io.libres.spring"),
    EXAMPLES("libres-examples", "io.libres.examples");

    /**
     * Every module that plugs into a port of the core or extends it (recurrence), and what they share; none may see another
     * beyond the modules it is declared to build on.
     */
    static final List<LibresModules> ADAPTERS =
            List.of(JSON_JACKSON, JSON_JACKSON3, JSON_GSON, POSTGRES_SUPPORT, JDBI_ADAPTER, JOOQ_ADAPTER, FLYWAY, LIQUIBASE, MICROMETER,
                    RECURRENCE);

    private final String artifactId;
    private final String rootPackage;
    private final Set<LibresModules> buildsOn;

    LibresModules(String artifactId, String rootPackage, LibresModules... buildsOn) {
        this.artifactId = artifactId;
        this.rootPackage = rootPackage;
        this.buildsOn = Set.of(buildsOn);
    }

    String artifactId() {
        return artifactId;
    }

    /** The ArchUnit package pattern covering the module's root package and every package below it. */
    String packagePattern() {
        return rootPackage + "..";
    }

    boolean owns(JavaClass javaClass) {
        String name = javaClass.getPackageName();
        return name.equals(rootPackage) || name.startsWith(rootPackage + ".");
    }

    /** Package patterns of every module this one may not use: all but itself and those it builds on. */
    String[] forbiddenPackagePatterns() {
        return Stream.of(values())
                .filter(m -> m != this && !buildsOn.contains(m))
                .map(LibresModules::packagePattern)
                .toArray(String[]::new);
    }

    /** Classes in {@code io.libres} that belong to no module but the core. */
    static final DescribedPredicate<JavaClass> IN_CORE = DescribedPredicate.describe(
            "are in libres-core",
            c -> (c.getPackageName().equals("io.libres") || c.getPackageName().startsWith("io.libres."))
                    && Stream.of(values()).noneMatch(m -> m.owns(c)));
}
