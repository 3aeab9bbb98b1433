package io.guichet.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The SQLite file and its one connection, used by one thread at a time. The connection's lock is
 * the only lock taken inside the store, and nothing is called out of the store while it is held,
 * so no lock order can deadlock through it.
 *
 * <p>The journal is in WAL mode with {@code synchronous=NORMAL}: a commit is in the log once the
 * call returns, which survives the process being killed (the failure this store is built for);
 * surviving a power cut as well would take an fsync per turn.
 */
final class SqliteDatabase extends Database {
    private final Connection connection;

    private SqliteDatabase(Connection connection) {
        super(Dialect.SQLITE);
        this.connection = connection;
    }

    /** Opens (or creates) {@code guichet.db} in {@code folder} and brings its schema up to date. */
    static SqliteDatabase open(Path folder) {
        try {
            Files.createDirectories(folder);
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("guichet.db"));
            try (var statement = connection.createStatement()) {
                statement.execute("PRAGMA journal_mode=WAL");
                statement.execute("PRAGMA synchronous=NORMAL");
                statement.execute("PRAGMA foreign_keys=ON");
                statement.execute("PRAGMA busy_timeout=5000");
            }
            SqliteDatabase database = new SqliteDatabase(connection);
            database.migrate();
            return database;
        } catch (SQLException | java.io.IOException e) {
            throw new StoreException("cannot open the store in " + folder.toAbsolutePath(), e);
        }
    }

    /**
     * A second connection to the store in {@code folder}, for long reads (the dashboard's): WAL
     * lets it read while the writer commits turns, and it can write nothing. Open it after
     * {@link #open}, which brings the schema up to date.
     */
    static SqliteDatabase openReader(Path folder) {
        try {
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("guichet.db"));
            try (var statement = connection.createStatement()) {
                statement.execute("PRAGMA query_only=ON");
                statement.execute("PRAGMA busy_timeout=5000");
            }
            return new SqliteDatabase(connection);
        } catch (SQLException e) {
            throw new StoreException("cannot open the store in " + folder.toAbsolutePath() + " for reading", e);
        }
    }

    @Override
    boolean ownedByThisProcess() {
        return true;
    }

    @Override
    <T> T read(String what, Work<T> work) {
        synchronized (connection) {
            try {
                return work.on(connection);
            } catch (SQLException e) {
                throw new StoreException(what, e);
            }
        }
    }

    @Override
    <T> T transaction(Work<T> work) throws SQLException {
        synchronized (connection) {
            try {
                connection.setAutoCommit(false);
                T result = work.on(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback();
                throw e;
            } finally {
                autoCommit();
            }
        }
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // The connection is broken; the failure being reported says why.
        }
    }

    private void autoCommit() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // Same: the next statement will fail and say so.
        }
    }

    @Override
    public void close() {
        synchronized (connection) {
            try {
                connection.close();
            } catch (SQLException e) {
                throw new StoreException("cannot close the store", e);
            }
        }
    }
}
