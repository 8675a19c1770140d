package org.machi.shared.database;

import java.sql.SQLException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Turns a start-up that cannot reach its database into two sentences an operator can act on,
 * instead of a wall of stack traces. Registered in {@code META-INF/spring.factories}.
 */
public class DatabaseUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    private final Environment environment;

    public DatabaseUnreachableFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        String state = cause.getSQLState() == null ? "" : cause.getSQLState();
        String problem;
        if (state.startsWith("08")) {
            problem = "the server did not answer";
        } else if (state.equals("28P01") || state.equals("28000")) {
            problem = "the user name or password was refused";
        } else if (state.equals("3D000")) {
            problem = "the database does not exist";
        } else {
            return null;
        }
        String url = redacted(environment.getProperty("spring.datasource.url", "(not set)"));
        String user = environment.getProperty("spring.datasource.username", "(not set)");
        String description = "Machi could not connect to its database at %s as user '%s': %s (%s)."
                .formatted(url, user, problem, firstLine(cause.getMessage()));
        String action = """
                Start the database server, or correct MACHI_DB_URL, MACHI_DB_USER and MACHI_DB_PASSWORD \
                (or the 'postgres' profile's settings). To run on the embedded database under ./data instead, \
                unset MACHI_DB_URL and do not activate the 'postgres' profile.""";
        return new FailureAnalysis(description, action, cause);
    }

    /** Keeps a password given inside a JDBC URL out of the log. */
    static String redacted(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1****");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
