package io.libres.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The architecture of every module")
class ArchitectureTest {

    private static JavaClasses mainClasses;

    @BeforeAll
    static void importMainClasses() {
        mainClasses = MainClasses.all();
    }

    @Test
    @DisplayName("sees the classes of the core, so the rules below are not vacuous")
    void seesTheCore() {
        assertThat(mainClasses.stream().filter(LibresModules.IN_CORE)).isNotEmpty();
        assertThat(mainClasses.contain("io.libres.errors.LibresException")).isTrue();
    }

    @Test
    @DisplayName("keeps every class in the package root of the module that ships it")
    void eachModuleKeepsToItsRootPackage() {
        for (JavaClass javaClass : mainClasses) {
            String location = javaClass.getSource().orElseThrow().getUri().toString();
            for (LibresModules module : LibresModules.values()) {
                boolean shippedByModule = location.contains("/" + module.artifactId() + "/")
                        || location.contains("/" + module.artifactId() + "-");
                assertThat(module.owns(javaClass))
                        .as("%s from %s belongs to %s exactly when that module ships it",
                                javaClass.getName(), location, module.artifactId())
                        .isEqualTo(shippedByModule);
            }
        }
    }

    @Test
    @DisplayName("keeps the core free of JDBC, JDBI, jOOQ, PostgreSQL, Gson and Jackson")
    void coreIsPersistenceAndJsonFree() {
        LibresArchitectureRules.CORE_IS_PERSISTENCE_AND_JSON_FREE.check(mainClasses);
    }

    @Test
    @DisplayName("lets the core depend on the JDK, slf4j-api and itself only")
    void coreDependsOnlyOnJdkSlf4jAndItself() {
        LibresArchitectureRules.CORE_DEPENDS_ONLY_ON_JDK_SLF4J_AND_ITSELF.check(mainClasses);
    }

    @Test
    @DisplayName("keeps adapters independent of each other")
    void adaptersAreIndependent() {
        LibresArchitectureRules.ADAPTERS_ARE_INDEPENDENT.check(mainClasses);
    }
}
