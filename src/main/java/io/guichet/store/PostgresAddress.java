package io.guichet.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Where a PostgreSQL store is, as given on the command line:
 * {@code postgresql://user:password@host:port/database}, the password in the address or apart
 * (from the environment, so that it shows in no process list). Never shows the password.
 *
 * @param poolSize the most connections this node opens to it
 */
public record PostgresAddress(String host, int port, String database, String user, String password, String query,
                              int poolSize) {
    public static final int DEFAULT_POOL_SIZE = 10;
    private static final int DEFAULT_PORT = 5432;

    public PostgresAddress {
        if (poolSize < 1) {
            throw new IllegalArgumentException("the store's pool needs at least one connection, not " + poolSize);
        }
    }

    /** Whether {@code store} names a PostgreSQL store rather than the embedded one. */
    public static boolean names(String store) {
        return store.startsWith("postgresql://") || store.startsWith("postgres://");
    }

    /**
     * @param password the password when the address has none, or null
     * @throws IllegalArgumentException when it is no PostgreSQL address, saying why (without the password)
     */
    public static PostgresAddress parse(String address, String password, int poolSize) {
        if (!names(address)) {
            throw new IllegalArgumentException("a store is postgresql://user:password@host:port/database");
        }
        URI uri;
        try {
            uri = new URI(address);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the store's address is no URL (postgresql://user@host:port/database)");
        }
        String database = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
        if (uri.getHost() == null || database.isEmpty()) {
            throw new IllegalArgumentException("the store's address needs a host and a database:"
                    + " postgresql://user@host:port/database");
        }
        String user = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            if (colon >= 0) {
                password = decode(userInfo.substring(colon + 1));
            }
        }
        return new PostgresAddress(uri.getHost(), uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(), decode(database),
                user, password, uri.getRawQuery(), poolSize);
    }

    private static String decode(String part) {
        return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The driver's URL: the credentials go apart, never in it. */
    public String jdbcUrl() {
        String host = this.host.contains(":") && !this.host.startsWith("[") ? "[" + this.host + "]" : this.host;
        return "jdbc:postgresql://" + host + ":" + port + "/" + database + (query == null ? "" : "?" + query);
    }

    @Override
    public String toString() {
        return "postgresql://" + (user == null ? "" : user + "@") + host + ":" + port + "/" + database;
    }
}
