package io.libres.testkit.contract;

import io.libres.spi.UnitOfWork;

import java.util.UUID;
import java.util.function.Supplier;

/** The base of every group of the contract kit: access to the running test's fixture. */
public abstract class ContractGroup {

    private final Supplier<ContractFixture> fixture;

    /**
     * Creates the group.
     *
     * @param fixture supplies the fixture of the running test
     */
    protected ContractGroup(Supplier<ContractFixture> fixture) {
        this.fixture = fixture;
    }

    /** @return the fixture of the running test */
    protected ContractFixture fixture() {
        return fixture.get();
    }

    /** @return a new unit of work, closed after the test if still open */
    protected UnitOfWork begin() {
        return fixture().begin();
    }

    /** @return a fresh resource of this test */
    protected UUID resource() {
        return fixture().resource();
    }
}
