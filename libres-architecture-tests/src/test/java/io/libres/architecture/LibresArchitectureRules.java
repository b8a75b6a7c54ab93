package io.libres.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.List;

/**
 * The dependency rules of DESIGN.md as ArchUnit rules. Each rule is applied to the real classes of
 * every module in {@link ArchitectureTest}, and shown to catch a violation in
 * {@link RulesCatchViolationsTest}.
 */
final class LibresArchitectureRules {

    /** Libraries the core must never see: persistence and JSON belong to adapters. */
    static final List<String> PERSISTENCE_AND_JSON_PACKAGES = List.of(
            "java.sql..",
            "javax.sql..",
            "org.jdbi..",
            "org.jooq..",
            "org.postgresql..",
            "com.zaxxer..",
            "com.google.gson..",
            "com.fasterxml.jackson..",
            "tools.jackson..");

    static final ArchRule CORE_IS_PERSISTENCE_AND_JSON_FREE = noClasses()
            .that(LibresModules.IN_CORE)
            .should().dependOnClassesThat().resideInAnyPackage(PERSISTENCE_AND_JSON_PACKAGES.toArray(String[]::new))
            .as("libres-core imports nothing of JDBC, JDBI, jOOQ, PostgreSQL, HikariCP, Gson or Jackson");

    /**
     * JSpecify's annotation package: annotations without behaviour ({@code @NullMarked},
     * {@code @Nullable}), so allowing it keeps the rule's intent (no persistence, JSON, Spring or
     * Micrometer in the core). Only this package: nothing else of any library is let in.
     */
    static final String NULLNESS_ANNOTATIONS = "org.jspecify.annotations";

    static final ArchRule CORE_DEPENDS_ONLY_ON_JDK_SLF4J_AND_ITSELF = classes()
            .that(LibresModules.IN_CORE)
            .should().onlyDependOnClassesThat(
                    JavaClass.Predicates.resideInAnyPackage("java..", "org.slf4j..", NULLNESS_ANNOTATIONS)
                            .and(DescribedPredicate.not(JavaClass.Predicates.resideInAnyPackage("java.sql..")))
                            .or(LibresModules.IN_CORE))
            .as("libres-core depends only on the JDK, slf4j-api, JSpecify's annotations and itself");

    static final ArchRule ADAPTERS_ARE_INDEPENDENT = CompositeArchRule.of(
                    LibresModules.ADAPTERS.stream().map(LibresArchitectureRules::independent).toList())
            .as("adapters depend on the core (and the SQL ones on libres-postgres-support), never on each other, "
                    + "the testkit or the examples");

    private static ArchRule independent(LibresModules adapter) {
        return noClasses()
                .that().resideInAPackage(adapter.packagePattern())
                .should().dependOnClassesThat().resideInAnyPackage(adapter.forbiddenPackagePatterns())
                .as(adapter.artifactId() + " depends on no libres module but the core and those it builds on")
                .allowEmptyShould(true);
    }

    private LibresArchitectureRules() {
    }
}
