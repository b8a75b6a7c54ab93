package io.libres.testkit.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/** Small JDBC helpers for the tests of this package. */
final class Sql {

    private Sql() {
    }

    static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static String single(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            if (!result.next()) {
                throw new SQLException("no row from " + sql);
            }
            return result.getString(1);
        }
    }

    static boolean tableExists(DataSource dataSource, String table) throws SQLException {
        return "t".equals(single(dataSource, "SELECT to_regclass('public." + table + "') IS NOT NULL"));
    }
}
