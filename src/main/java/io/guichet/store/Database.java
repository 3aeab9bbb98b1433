package io.guichet.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the store's rows are, in SQLite or PostgreSQL, and the store's health.
 *
 * <p>A write that fails (disk full, file or folder made read-only, server gone) is reported to the
 * caller, never swallowed, and remembered: {@link #writeProblem()} then says why, and tries a small
 * write again each time it is asked, so that the health check turns UP again by itself once the
 * cause is fixed.
 */
abstract class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** Work on a connection. */
    interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    private final Dialect dialect;
    /** Why the last write failed, or null when it succeeded. */
    private volatile String writeFailure;

    Database(Dialect dialect) {
        this.dialect = dialect;
    }

    Dialect dialect() {
        return dialect;
    }

    /**
     * Whether this process is the only one writing: what it last committed is then what the
     * database holds, and may be kept in memory.
     */
    abstract boolean ownedByThisProcess();

    /**
     * Runs {@code work} holding {@code key} against the other nodes sharing the database. One
     * process alone on its file has no other node to wait for.
     */
    <T> T holding(String key, Callable<T> work) throws Exception {
        return work.call();
    }

    /** Reads; a failure is a {@link StoreException} saying {@code what} could not be read. */
    abstract <T> T read(String what, Work<T> work);

    /** Runs {@code work} in one transaction, committed when it returns and rolled back when it throws. */
    abstract <T> T transaction(Work<T> work) throws SQLException;

    /** Writes in one transaction: all of it or, on failure, none, reported and remembered. */
    final <T> T write(String what, Work<T> work) {
        try {
            T result = transaction(work);
            wrote();
            return result;
        } catch (SQLException e) {
            throw writeFailed(what, e);
        }
    }

    /** {@code ?, ?, ?}: one parameter for each of {@code count} values, for an {@code IN (…)}. */
    static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    /** Brings the schema up to date: the scripts not applied yet, each in its own transaction. */
    final void migrate() throws SQLException {
        while (transaction(connection -> Migrations.applyNext(connection, dialect))) {
            // Each script again under the lock: another node may have applied it meanwhile.
        }
    }

    /**
     * Empty when the store can write; otherwise why it cannot. After a failed write, each call
     * tries a write again (the schema version rewritten as it is: one row, no data touched)
     * and reports its outcome. Blocks: call on a worker.
     */
    final Optional<String> writeProblem() {
        if (writeFailure == null) {
            return reachProblem();
        }
        try {
            transaction(connection -> {
                dialect.schemaVersion(connection, dialect.schemaVersion(connection));
                return null;
            });
            wrote();
        } catch (SQLException e) {
            writeFailed("cannot write to the store", e);
        }
        return Optional.ofNullable(writeFailure);
    }

    /**
     * Empty when the database answers; otherwise why not. A file always does; a server that went
     * away must be seen as gone before a turn finds it out.
     */
    Optional<String> reachProblem() {
        return Optional.empty();
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
    public abstract void close();
}
