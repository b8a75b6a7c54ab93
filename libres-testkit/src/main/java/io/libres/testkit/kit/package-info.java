/**
 * The behaviour kit: an abstract JUnit 5 suite of the scheduler's behaviour that any storage runs
 * by supplying one factory, {@link io.libres.testkit.kit.SchedulerBehaviourKit#newStorage()}.
 *
 * <p>Each capability is a {@code @Nested} group whose tests live in an abstract
 * {@code *Behaviour} class of this package; the tests port the intent of libres 1.2's own tests
 * and add the daylight-saving cases and the fixes of libres' latent defects. The bad-input group
 * ({@link io.libres.testkit.kit.BadInputBehaviour}) checks that every bad input is a typed error
 * raised before anything is written. {@code docs/kit-audit.md} maps each libres test to its group.
 */
@NullMarked
package io.libres.testkit.kit;

import org.jspecify.annotations.NullMarked;
