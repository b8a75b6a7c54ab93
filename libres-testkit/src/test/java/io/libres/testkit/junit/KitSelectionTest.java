package io.libres.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.libres.testkit.contract.DuplicatesContract;
import io.libres.testkit.kit.ReservingBehaviour;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code -Dlibres.kit.only}: the launcher registers {@link KitSelection} by itself, and a run of a
 * kit subclass then executes exactly the selected tests of its nested groups, nothing else.
 */
@DisplayName("-Dlibres.kit.only runs exactly the selected kit tests")
class KitSelectionTest {

    private static final String CONTRACT_KIT = "io.libres.testkit.contract.InMemoryStorageContractTest";
    private static final String BEHAVIOUR_KIT = "io.libres.testkit.kit.InMemorySchedulerBehaviourTest";

    /** Runs a kit subclass through the platform's own launcher with the property set, as surefire or Gradle do. */
    private static List<String> launchWithProperty(String kit, String selection) {
        String before = System.getProperty(KitSelection.PROPERTY);
        System.setProperty(KitSelection.PROPERTY, selection);
        try {
            Launcher launcher = LauncherFactory.create();
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(kit)).build();
            List<String> passed = new ArrayList<>();
            launcher.execute(request, new TestExecutionListener() {
                @Override
                public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                    if (test.isTest()) {
                        assertThat(result.getStatus()).as("%s", test.getDisplayName())
                                .isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
                        passed.add(groupAndMethod(test));
                    }
                }
            });
            return passed;
        } finally {
            if (before == null) {
                System.clearProperty(KitSelection.PROPERTY);
            } else {
                System.setProperty(KitSelection.PROPERTY, before);
            }
        }
    }

    private static String groupAndMethod(TestIdentifier test) {
        MethodSource source = (MethodSource) test.getSource().orElseThrow();
        String className = source.getClassName();
        return className.substring(className.lastIndexOf('$') + 1) + "#" + source.getMethodName();
    }

    /** Runs a kit subclass through EngineTestKit with the filter given directly. */
    private static Events run(String kit, String selection) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(kit))
                .filters(KitSelection.of(selection)).execute().testEvents();
    }

    private static List<String> methods(Events events) {
        return events.finished().stream().map(e -> ((MethodSource) e.getTestDescriptor().getSource().orElseThrow())
                .getMethodName()).sorted().collect(Collectors.toList());
    }

    /** The test methods a kit group declares, read from the group's class, not written down here. */
    private static Set<String> testMethods(Class<?> group) {
        Set<String> names = new TreeSet<>();
        for (Class<?> c = group; c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.isAnnotationPresent(Test.class) || m.isAnnotationPresent(ParameterizedTest.class)) {
                    names.add(m.getName());
                }
            }
        }
        return names;
    }

    @Test
    @DisplayName("the system property, read by the auto-registered filter, runs one test of one group through the"
            + " Launcher")
    void oneTestThroughTheLauncher() {
        assertThat(launchWithProperty(CONTRACT_KIT, "Duplicates#twinSlots")).containsExactly("Duplicates#twinSlots");
    }

    @Test
    @DisplayName("the system property runs a whole group, by its simple name or display name, through the Launcher")
    void oneGroupThroughTheLauncher() {
        Set<String> expected = testMethods(DuplicatesContract.class).stream().map(m -> "Duplicates#" + m)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(expected).hasSizeGreaterThan(3);

        assertThat(new TreeSet<>(launchWithProperty(CONTRACT_KIT, "Duplicates"))).isEqualTo(expected);
        assertThat(new TreeSet<>(launchWithProperty(CONTRACT_KIT, "duplicates"))).isEqualTo(expected);
    }

    @Test
    @DisplayName("a group of the behaviour kit, and one of its tests named with the kit subclass in front")
    void behaviourKitGroupAndTest() {
        Events group = run(BEHAVIOUR_KIT, "reserving");
        assertThat(group.failed().count()).isZero();
        assertThat(new TreeSet<>(methods(group))).isEqualTo(testMethods(ReservingBehaviour.class));

        String one = testMethods(ReservingBehaviour.class).iterator().next();
        Events single = run(BEHAVIOUR_KIT, "InMemorySchedulerBehaviourTest$Reserving#" + one);
        assertThat(methods(single)).containsExactly(one);
    }

    @Test
    @DisplayName("several entries, a method alone and a wildcard")
    void severalEntriesAndWildcards() {
        assertThat(methods(run(CONTRACT_KIT, "Duplicates#twinSlots, Duplicates#ownSlot")))
                .containsExactly("ownSlot", "twinSlots");
        assertThat(methods(run(CONTRACT_KIT, "#twinAllocations"))).containsExactly("twinAllocations");
        Set<String> invisible = testMethods(DuplicatesContract.class).stream().filter(m -> m.startsWith("invisible"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(invisible).hasSizeGreaterThan(1);
        assertThat(new TreeSet<>(methods(run(CONTRACT_KIT, "Duplicates#invisible*")))).isEqualTo(invisible);
    }

    @Test
    @DisplayName("every invocation of a parameterised kit test is one method")
    void parameterisedTest() {
        Events catalogue = run(BEHAVIOUR_KIT, "BadInputCatalogue#refused");
        assertThat(catalogue.failed().count()).isZero();
        assertThat(catalogue.finished().count()).isGreaterThan(100);
        assertThat(Set.copyOf(methods(catalogue))).containsExactly("refused");
    }

    @Test
    @DisplayName("a selection naming nothing runs nothing; unset or blank runs everything")
    void nothingAndEverything() {
        assertThat(run(CONTRACT_KIT, "NoSuchGroup#twinSlots").started().count()).isZero();
        assertThat(run(CONTRACT_KIT, "Duplicates#noSuchTest").started().count()).isZero();
        assertThat(KitSelection.of(" ").keepsEverything()).isTrue();
        assertThat(new KitSelection().keepsEverything()).as("no property set in this JVM").isTrue();
    }

    @Test
    @DisplayName("a malformed selection is refused, saying what was expected")
    void malformed() {
        for (String bad : Arrays.asList("Duplicates#", "#", "Duplicates#a#b", "$Duplicates#twinSlots")) {
            assertThatThrownBy(() -> KitSelection.of(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(KitSelection.PROPERTY).hasMessageContaining("expected");
        }
        assertThatThrownBy(() -> KitSelection.of(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected");
    }
}
