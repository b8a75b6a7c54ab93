/**
 * JMH benchmarks of the workloads users of libres care about: booking a slot, buying seats of a
 * quota, searching a month, asking for availability, and the JSON codecs, each on the in-memory
 * storage and on PostgreSQL through the JDBI adapter. See the module's README for how to run them.
 */
package io.libres.benchmarks;
