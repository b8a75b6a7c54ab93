package io.libres.testkit.internal;

import io.libres.context.StoppableService;
import io.libres.spi.Storage;
import io.libres.spi.UnitOfWork;
import io.libres.testkit.memory.InMemoryStorage;

import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory storage that counts how many were made, stopped, and are open now (and at most). */
final class CountedStorage implements Storage, StoppableService {

    /** The counts of one kind of test run. */
    static final class Counts {
        final AtomicInteger made = new AtomicInteger();
        final AtomicInteger stopped = new AtomicInteger();
        final AtomicInteger open = new AtomicInteger();
        final AtomicInteger mostOpen = new AtomicInteger();

        void reset() {
            made.set(0);
            stopped.set(0);
            open.set(0);
            mostOpen.set(0);
        }
    }

    private final InMemoryStorage delegate = InMemoryStorage.create();
    private final Counts counts;
    private final boolean broken;
    private boolean isStopped;

    private CountedStorage(Counts counts, boolean broken) {
        this.counts = counts;
        this.broken = broken;
        counts.made.incrementAndGet();
        counts.mostOpen.accumulateAndGet(counts.open.incrementAndGet(), Math::max);
    }

    /** A working storage. */
    static CountedStorage working(Counts counts) {
        return new CountedStorage(counts, false);
    }

    /** A storage whose every unit of work fails to begin, so every test fails. */
    static CountedStorage broken(Counts counts) {
        return new CountedStorage(counts, true);
    }

    /** The in-memory storage's statement count. */
    long statements() {
        return delegate.statements();
    }

    @Override
    public UnitOfWork begin() {
        if (broken) {
            throw new IllegalStateException("broken on purpose: this storage cannot begin a unit of work");
        }
        return delegate.begin();
    }

    @Override
    public void setupDatabase() {
        delegate.setupDatabase();
    }

    @Override
    public synchronized void stopService() {
        if (isStopped) {
            throw new IllegalStateException("stopped twice");
        }
        isStopped = true;
        counts.stopped.incrementAndGet();
        counts.open.decrementAndGet();
    }
}
