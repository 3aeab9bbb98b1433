package io.guichet.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQLite file and its one connection, used by one thread at a time; and the store's health.
 * The connection's lock is the only lock taken inside the store, and nothing is called out of
 * the store while it is held, so no lock order can deadlock through it.
 *
 * <p>The journal is in WAL mode with {@code synchronous=NORMAL}: a commit is in the log once the
 * call returns, which survives the process being killed (the failure this store is built for);
 * surviving a power cut as well would take an fsync per turn.
 *
 * <p>A write that fails (disk full, file or folder made read-only) is reported to the caller,
 * never swallowed, and remembered: {@link #writeProblem()} then says why, and tries a small write
 * again each time it is asked, so that the health check turns UP again by itself once the disk is
 * fixed.
 */
final class SqliteDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteDatabase.class);

    /** Work on the connection. */
    interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    private final Connection connection;
    /** Why the last write failed, or null when it succeeded. */
    private volatile String writeFailure;

    private SqliteDatabase(Connection connection) {
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
            Migrations.apply(connection);
            return new SqliteDatabase(connection);
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

    /** Reads; a failure is a {@link StoreException} saying {@code what} could not be read. */
    <T> T read(String what, Work<T> work) {
        synchronized (connection) {
            try {
                return work.on(connection);
            } catch (SQLException e) {
                throw new StoreException(what, e);
            }
        }
    }

    /** Writes in one transaction: all of it or, on failure, none, reported and remembered. */
    <T> T write(String what, Work<T> work) {
        synchronized (connection) {
            try {
                connection.setAutoCommit(false);
                T result = work.on(connection);
                connection.commit();
                wrote();
                return result;
            } catch (SQLException e) {
                rollback();
                throw writeFailed(what, e);
            } finally {
                autoCommit();
            }
        }
    }

    /** The id of the row the connection inserted last. */
    static long lastRowId(Connection connection) throws SQLException {
        try (Statement select = connection.createStatement();
             ResultSet row = select.executeQuery("SELECT last_insert_rowid()")) {
            return row.getLong(1);
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

    /**
     * Empty when the store can write; otherwise why it cannot. After a failed write, each call
     * tries a write again (the schema version rewritten as it is: one page, no data touched)
     * and reports its outcome. Blocks: call on a worker.
     */
    Optional<String> writeProblem() {
        if (writeFailure == null) {
            return Optional.empty();
        }
        synchronized (connection) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA user_version = " + Migrations.version(connection));
                wrote();
            } catch (SQLException e) {
                writeFailed("cannot write to the store", e);
            }
        }
        return Optional.ofNullable(writeFailure);
    }

    private void wrote() {
        if (writeFailure != null) {
            writeFailure = null;
            LOG.info("the store writes again");
        }
    }

    private StoreException writeFailed(String what, SQLException e) {
        if (writeFailure == null) {
            LOG.error("{}: {}; the store is DOWN until a write succeeds", what, e.getMessage());
        }
        writeFailure = what + ": " + e.getMessage();
        return new StoreException(what, e);
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
