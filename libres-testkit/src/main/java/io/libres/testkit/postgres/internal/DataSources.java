package io.libres.testkit.postgres.internal;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

/** Makes plain, unpooled PostgreSQL data sources: every {@code getConnection()} opens a new connection. */
public final class DataSources {

    private DataSources() {
    }

    /**
     * Creates a data source for the URL, user and password.
     *
     * @param jdbcUrl a {@code jdbc:postgresql://} URL
     * @param user the user to connect as
     * @param password the password, empty for none
     * @return a data source that opens a new connection on every call
     * @throws IllegalArgumentException if the driver does not accept the URL
     */
    public static DataSource simple(String jdbcUrl, String user, String password) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(jdbcUrl);
        dataSource.setUser(user);
        if (!password.isEmpty()) {
            dataSource.setPassword(password);
        }
        dataSource.setConnectTimeout(10);
        dataSource.setApplicationName("libres-testkit");
        return dataSource;
    }
}
