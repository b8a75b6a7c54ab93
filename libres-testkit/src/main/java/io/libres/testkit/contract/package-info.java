/**
 * The storage contract kit: {@link io.libres.testkit.contract.StorageContractTest}, an abstract
 * JUnit 5 test that every storage adapter (the in-memory one, the SQL adapters, a user's own)
 * extends with one factory method, covering every method of the storage ports, error
 * translation, SERIALIZABLE isolation, savepoints and concurrent double-booking attempts.
 */
@NullMarked
package io.libres.testkit.contract;

import org.jspecify.annotations.NullMarked;
