package org.machi.shared.events;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.stereotype.Component;

/**
 * Creates Modulith's event publication table with Modulith's own script, instead of Modulith's
 * initializer (switched off in {@code application.yml}): on PostgreSQL two nodes starting together
 * on an empty database both ran {@code CREATE TABLE IF NOT EXISTS}, and the second one can fail
 * ("duplicate key value violates unique constraint pg_type_typname_nsp_index"). Here the script
 * runs under a PostgreSQL advisory lock, one node after the other; it only creates what is missing.
 */
@Component
class EventPublicationTable implements InitializingBean {

    /** Any fixed number: the lock is this application's, for this script only. */
    private static final long LOCK = 0x6d616368_69657665L;
    private static final String SCRIPTS = "org/springframework/modulith/events/jdbc/schemas/v2/schema-";

    private final DataSource dataSource;

    EventPublicationTable(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void afterPropertiesSet() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.equals("postgresql")) {
                execute(connection, "SELECT pg_advisory_lock(" + LOCK + ")");
                try {
                    ScriptUtils.executeSqlScript(connection, new ClassPathResource(SCRIPTS + "postgresql.sql"));
                } finally {
                    execute(connection, "SELECT pg_advisory_unlock(" + LOCK + ")");
                }
            } else {
                ScriptUtils.executeSqlScript(connection, new ClassPathResource(SCRIPTS + product + ".sql"));
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
