package io.guichet.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * A PostgreSQL database shared by the service's nodes, through a bounded pool of JDBC connections:
 * each read or write takes one for its duration, on the worker that called (never the event loop),
 * and a caller finding all of them busy waits for one at most {@link #WAIT_FOR_CONNECTION_MS}.
 */
final class PostgresDatabase extends Database {
    private static final long WAIT_FOR_CONNECTION_MS = 10_000;
    private static final int PING_S = 2;
    /**
     * How long a connection waits for a lock another holds, a conversation's turn included, unless
     * the address sets its own ({@code ?options=-c%20lock_timeout%3D10s}). A node that dies frees its
     * locks with its connections; one that hangs would otherwise hold its conversations' turns on
     * every node for good. The waiting turn fails as a store error: a 503 the client may retry.
     */
    static final String DEFAULT_LOCK_WAIT = "30s";

    private final HikariDataSource pool;
    /**
     * The connection holding the lock of the work running on this thread, if any: the work's reads
     * and writes go through it, so that a turn takes one connection, never a second one while
     * holding the first (a pool full of lock holders would then wait for itself).
     */
    private final ThreadLocal<Connection> lent = new ThreadLocal<>();

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
        if (address.query() == null || !address.query().contains("lock_timeout")) {
            config.setConnectionInitSql("SET lock_timeout = '" + DEFAULT_LOCK_WAIT + "'");
        }
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

    /** Whether a connection of the pool answers within {@link #PING_S}; a server out of reach keeps the caller up to {@link #WAIT_FOR_CONNECTION_MS}. */
    @Override
    Optional<String> reachProblem() {
        try {
            return read("cannot reach the store", connection -> connection.isValid(PING_S) ? Optional.<String>empty()
                    : Optional.of("the store did not answer within " + PING_S + " s"));
        } catch (StoreException e) {
            return Optional.of(e.getMessage() + ": " + e.getCause().getMessage());
        }
    }

    @Override
    boolean ownedByThisProcess() {
        return false;
    }

    /**
     * A session advisory lock, on a connection taken for the work's duration, rather than the
     * conversation's row {@code FOR UPDATE}: a row lock lives in a transaction, and the turn's
     * commit, a transaction of its own, would wait for it; it needs a row, where a channel user's
     * first message has none yet; and a row lock held for a whole turn would also hold up the
     * reads that lock rows (an agent's claim, the purge). The lock goes with the session if the
     * node dies. The key is 64 bits of the SHA-256 of {@code key}: two keys sharing it only wait
     * for each other.
     */
    @Override
    <T> T holding(String key, Callable<T> work) throws Exception {
        long lock = lockKey(key);
        try (Connection connection = locked(lock)) {
            lent.set(connection);
            try {
                return work.call();
            } finally {
                lent.remove();
                unlock(connection, lock);
            }
        }
    }

    /** A connection holding {@code lock}; failing, as a read does, with a {@link StoreException} (a 503, not a 500). */
    private Connection locked(long lock) {
        Connection connection = null;
        try {
            connection = pool.getConnection();
            advisoryLock(connection, "SELECT pg_advisory_lock(?)", lock);
            return connection;
        } catch (SQLException e) {
            if (connection != null) {
                pool.evictConnection(connection);
            }
            throw new StoreException("cannot take a conversation's turn", e);
        }
    }

    static long lockKey(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private void unlock(Connection connection, long lock) {
        try {
            advisoryLock(connection, "SELECT pg_advisory_unlock(?)", lock);
        } catch (SQLException e) {
            // A connection back in the pool still holding the lock would stop the conversation for good.
            pool.evictConnection(connection);
        }
    }

    private static void advisoryLock(Connection connection, String sql, long lock) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, lock);
            statement.executeQuery().close();
        }
    }

    @Override
    <T> T read(String what, Work<T> work) {
        try {
            return onConnection(work);
        } catch (SQLException e) {
            throw new StoreException(what, e);
        }
    }

    /** Runs {@code work} on the connection lent to this thread, or on one of the pool's. */
    private <T> T onConnection(Work<T> work) throws SQLException {
        Connection held = lent.get();
        if (held == null) {
            try (Connection connection = pool.getConnection()) {
                return work.on(connection);
            }
        }
        // Lent to one call at a time: a store call made within this one takes a connection of its own.
        lent.remove();
        try {
            return work.on(held);
        } finally {
            lent.set(held);
        }
    }

    @Override
    <T> T transaction(Work<T> work) throws SQLException {
        return onConnection(connection -> {
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
        });
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
