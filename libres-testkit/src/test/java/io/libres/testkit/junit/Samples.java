package io.libres.testkit.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Arrays;
import java.util.List;

import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Runs sample test classes with the JUnit engine and reads their failures. */
final class Samples {

    private Samples() {
    }

    static EngineExecutionResults run(Class<?>... classes) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(Arrays.stream(classes).map(type -> selectClass(type)).toArray(DiscoverySelector[]::new))
                .execute();
    }

    /** The messages of every failed test and container, with their causes' messages appended. */
    static List<String> failureMessages(EngineExecutionResults results) {
        return results.allEvents().failed().stream()
                .map(Samples::message)
                .toList();
    }

    private static String message(Event event) {
        Throwable throwable = event.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
        StringBuilder message = new StringBuilder();
        for (Throwable current = throwable; current != null; current = current.getCause()) {
            message.append(current.getClass().getSimpleName()).append(": ").append(current.getMessage()).append(" | ");
        }
        return message.toString();
    }
}
