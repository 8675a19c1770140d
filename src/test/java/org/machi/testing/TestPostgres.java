package org.machi.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * The PostgreSQL server tests run against: {@code MACHI_TEST_PG_URL} (default
 * {@code jdbc:postgresql://localhost:5432/test}), user {@code MACHI_TEST_PG_USER} (default
 * {@code postgres}), password {@code MACHI_TEST_PG_PASSWORD}. Each test run gets a database of its
 * own, created on first use and dropped when the JVM ends, so runs never see each other's data.
 */
public final class TestPostgres {

    private static final String URL = env("MACHI_TEST_PG_URL", "jdbc:postgresql://localhost:5432/test");
    private static final String USER = env("MACHI_TEST_PG_USER", "postgres");
    private static final String PASSWORD = env("MACHI_TEST_PG_PASSWORD", "");
    private static volatile String databaseUrl;

    /** The tests' key-encryption key (32 bytes, base64), for keysets kept in the database. */
    public static final String KEY_ENCRYPTION_KEY = "dGVzdHMgb25seTogbm8gcmVhbCBjaXR5IGtleSEhISE=";

    private TestPostgres() {
    }

    public static String user() {
        return USER;
    }

    public static String password() {
        return PASSWORD;
    }

    /** Why the server cannot be used, or null when it answers. */
    static String unavailableReason() {
        try (Connection ignored = DriverManager.getConnection(URL, USER, PASSWORD)) {
            return null;
        } catch (SQLException e) {
            return URL + ": " + e.getMessage();
        }
    }

    /** A JDBC URL of an empty database that belongs to this test run. */
    public static synchronized String freshDatabaseUrl() {
        if (databaseUrl == null) {
            databaseUrl = anotherDatabaseUrl();
        }
        return databaseUrl;
    }

    /** A JDBC URL of another empty database of this test run, for a test that needs one to itself. */
    public static String anotherDatabaseUrl() {
        String name = "machi_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        execute("CREATE DATABASE " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")));
        return withDatabase(URL, name);
    }

    private static String withDatabase(String url, String database) {
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        int query = url.indexOf('?');
        String prefix = slash < 0 ? url : url.substring(0, slash);
        String suffix = query < 0 ? "" : url.substring(query);
        return prefix + "/" + database + suffix;
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run '" + sql + "' on the test PostgreSQL server", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
