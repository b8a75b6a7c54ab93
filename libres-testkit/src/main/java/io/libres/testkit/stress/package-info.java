/**
 * Stress and fault runs for SQL storages: a bounded random mix of scheduler operations from many
 * threads ({@link io.libres.testkit.stress.StressRun}), issue 13's W5 race, faults injected on the
 * database ({@link io.libres.testkit.stress.DatabaseFaults}), and the JUnit kit that runs them for
 * an adapter ({@link io.libres.testkit.stress.StressKit}).
 */
@NullMarked
package io.libres.testkit.stress;

import org.jspecify.annotations.NullMarked;
