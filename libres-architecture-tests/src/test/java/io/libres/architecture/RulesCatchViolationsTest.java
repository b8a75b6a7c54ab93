package io.libres.architecture;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import io.libres.architecture.fixtures.CoreClassUsingAnAdapter;
import io.libres.architecture.fixtures.CoreClassUsingAnotherLibrary;
import io.libres.architecture.fixtures.CoreClassUsingDataSource;
import io.libres.architecture.fixtures.CoreClassUsingGson;
import io.libres.architecture.fixtures.CoreClassUsingHikari;
import io.libres.architecture.fixtures.CoreClassUsingJackson;
import io.libres.architecture.fixtures.CoreClassUsingJackson3;
import io.libres.architecture.fixtures.CoreClassUsingJdbc;
import io.libres.architecture.fixtures.CoreClassUsingJdbi;
import io.libres.architecture.fixtures.CoreClassUsingJooq;
import io.libres.architecture.fixtures.CoreClassUsingPostgresDriver;
import io.libres.architecture.fixtures.CoreClassWithNullnessAnnotations;
import io.libres.jdbi.archfixture.JdbiAdapterClass;
import io.libres.jdbi.archfixture.JdbiAdapterUsingPostgresSupport;
import io.libres.jooq.archfixture.JooqAdapterUsingJdbiAdapter;
import io.libres.json.gson.archfixture.GsonModuleUsingPostgresSupport;
import io.libres.json.jackson.archfixture.JacksonModuleUsingJooqAdapter;
import io.libres.postgres.archfixture.PostgresSupportClass;
import io.libres.recurrence.archfixture.RecurrenceUsingJdbiAdapter;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Each architecture rule")
class RulesCatchViolationsTest {

    static Stream<Arguments> persistenceAndJsonViolations() {
        return Stream.of(
                Arguments.of(CoreClassUsingJdbc.class, "java.sql.Connection"),
                Arguments.of(CoreClassUsingDataSource.class, "javax.sql.DataSource"),
                Arguments.of(CoreClassUsingJdbi.class, "org.jdbi.v3.core.Jdbi"),
                Arguments.of(CoreClassUsingJooq.class, "org.jooq.DSLContext"),
                Arguments.of(CoreClassUsingPostgresDriver.class, "org.postgresql.PGConnection"),
                Arguments.of(CoreClassUsingHikari.class, "com.zaxxer.hikari.HikariDataSource"),
                Arguments.of(CoreClassUsingGson.class, "com.google.gson.Gson"),
                Arguments.of(CoreClassUsingJackson.class, "com.fasterxml.jackson.databind.ObjectMapper"),
                Arguments.of(CoreClassUsingJackson3.class, "tools.jackson.databind.ObjectMapper"));
    }

    @ParameterizedTest(name = "the persistence-free rule catches a core class using {1}")
    @MethodSource("persistenceAndJsonViolations")
    void persistenceFreeRuleCatches(Class<?> fixture, String offendingType) {
        assertViolation(LibresArchitectureRules.CORE_IS_PERSISTENCE_AND_JSON_FREE, fixture, offendingType);
        assertViolation(LibresArchitectureRules.CORE_DEPENDS_ONLY_ON_JDK_SLF4J_AND_ITSELF, fixture, offendingType);
    }

    @Test
    @DisplayName("the JDK-and-slf4j-only rule catches a core class using another library")
    void jdkOnlyRuleCatchesAnotherLibrary() {
        assertViolation(LibresArchitectureRules.CORE_DEPENDS_ONLY_ON_JDK_SLF4J_AND_ITSELF,
                CoreClassUsingAnotherLibrary.class, "org.assertj.core.api.ListAssert");
    }

    @Test
    @DisplayName("the JDK-and-slf4j-only rule lets a core class carry JSpecify's nullness annotations, and nothing more")
    void jdkOnlyRuleAllowsNullnessAnnotationsOnly() {
        JavaClasses annotated = new ClassFileImporter().importClasses(CoreClassWithNullnessAnnotations.class);
        assertThatCode(() -> LibresArchitectureRules.CORE_DEPENDS_ONLY_ON_JDK_SLF4J_AND_ITSELF.check(annotated))
                .doesNotThrowAnyException();
        assertThatCode(() -> LibresArchitectureRules.CORE_IS_PERSISTENCE_AND_JSON_FREE.check(annotated))
                .doesNotThrowAnyException();
        assertViolation(LibresArchitectureRules.CORE_DEPENDS_ONLY_ON_JDK_SLF4J_AND_ITSELF,
                CoreClassUsingAnotherLibrary.class, "org.assertj.core.api.ListAssert");
    }

    @Test
    @DisplayName("the JDK-and-slf4j-only rule catches a core class using an adapter")
    void jdkOnlyRuleCatchesAdapterUse() {
        assertViolation(LibresArchitectureRules.CORE_DEPENDS_ONLY_ON_JDK_SLF4J_AND_ITSELF,
                CoreClassUsingAnAdapter.class, JdbiAdapterClass.class.getName());
    }

    @Test
    @DisplayName("the independence rule catches the jOOQ adapter using the JDBI adapter")
    void independenceRuleCatchesAdapterToAdapter() {
        assertViolation(LibresArchitectureRules.ADAPTERS_ARE_INDEPENDENT,
                JooqAdapterUsingJdbiAdapter.class, JdbiAdapterClass.class.getName());
    }

    @Test
    @DisplayName("the independence rule catches a JSON module using a storage adapter")
    void independenceRuleCatchesJsonModuleToAdapter() {
        assertViolation(LibresArchitectureRules.ADAPTERS_ARE_INDEPENDENT,
                JacksonModuleUsingJooqAdapter.class, JooqAdapterUsingJdbiAdapter.class.getName());
    }

    @Test
    @DisplayName("the independence rule catches libres-recurrence using a storage adapter")
    void independenceRuleCatchesRecurrenceToAdapter() {
        assertViolation(LibresArchitectureRules.ADAPTERS_ARE_INDEPENDENT,
                RecurrenceUsingJdbiAdapter.class, JdbiAdapterClass.class.getName());
    }

    @Test
    @DisplayName("the independence rule catches a JSON module using the SQL adapters' shared support")
    void independenceRuleCatchesJsonModuleToPostgresSupport() {
        assertViolation(LibresArchitectureRules.ADAPTERS_ARE_INDEPENDENT,
                GsonModuleUsingPostgresSupport.class, PostgresSupportClass.class.getName());
    }

    @Test
    @DisplayName("the independence rule lets an SQL adapter use its own classes and libres-postgres-support")
    void independenceRuleAllowsOwnClassesAndSharedSupport() {
        JavaClasses allowed = new ClassFileImporter().importClasses(
                JdbiAdapterClass.class, JdbiAdapterUsingPostgresSupport.class, PostgresSupportClass.class);
        assertThatCode(() -> LibresArchitectureRules.ADAPTERS_ARE_INDEPENDENT.check(allowed))
                .doesNotThrowAnyException();
    }

    private static void assertViolation(ArchRule rule, Class<?> fixture, String offendingType) {
        JavaClasses classes = new ClassFileImporter().importClasses(fixture);
        assertThatThrownBy(() -> rule.check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(fixture.getName())
                .hasMessageContaining(offendingType);
    }
}
