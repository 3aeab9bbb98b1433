package io.guichet.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A PostgreSQL database shared by the service's nodes, through a bounded pool of JDBC connections:
 * each read or write takes one for its duration, on the worker that called (never the event loop),
 * and a caller finding all of them busy waits for one at most {@link #WAIT_FOR_CONNECTION_MS}.
 */
final class PostgresDatabase extends Database {
    private static final long WAIT_FOR_CONNECTION_MS = 10_000;

    private final HikariDataSource pool;

    private PostgresDatabase(HikariDataSource pool) {
        super(Dialect.POSTGRESQL);
        this.pool = pool;
    }

    /** Connects to the database at {@code address} and brings its schema up to date, whichever node comes first. */
    static PostgresDatabase open(PostgresAddress address) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("guichet-store");
        config.setJdbcUrl(address.jdbcUrl());
        config.setUsername(address.user());
        config.setPassword(address.password());
        config.setMaximumPoolSize(address.poolSize());
        config.setMinimumIdle(Math.min(2, address.poolSize()));
        config.setConnectionTimeout(WAIT_FOR_CONNECTION_MS);
        // The store's own transactions set auto-commit off; a read alone commits by itself.
        config.setAutoCommit(true);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("cannot connect to the store at " + address, e);
        }
        PostgresDatabase database = new PostgresDatabase(pool);
        try {
            database.migrate();
        } catch (SQLException e) {
            pool.close();
            throw new StoreException("cannot bring the store's schema up to date at " + address, e);
        }
        return database;
    }

    @Override
    boolean ownedByThisProcess() {
        return false;
    }

    @Override
    <T> T read(String what, Work<T> work) {
        try (Connection connection = pool.getConnection()) {
            return work.on(connection);
        } catch (SQLException e) {
            throw new StoreException(what, e);
        }
    }

    @Override
    <T> T transaction(Work<T> work) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.on(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(connection);
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The connection is broken; the pool drops it, and the failure being reported says why.
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
