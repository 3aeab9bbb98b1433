package io.guichet.store;

/** The store could not do its work (disk full, file not writable, database broken). */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
