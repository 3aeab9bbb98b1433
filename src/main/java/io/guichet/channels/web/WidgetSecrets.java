package io.guichet.channels.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The per-conversation secret that, with the conversation's id, lets a widget read and write
 * its conversation: an HMAC of the id under a key that is configured, or stored in the database
 * the nodes share, or (one node alone on SQLite) kept in its data folder. Nothing per
 * conversation is stored, and a restart keeps every secret valid; every node sharing the key
 * accepts the secrets another gave.
 */
public final class WidgetSecrets {
    private static final String KEY_FILE = "widget-secret.key";
    private final byte[] key;

    private WidgetSecrets(byte[] key) {
        this.key = key;
    }

    /** Under the configured key. */
    public static WidgetSecrets of(WidgetKey key) {
        return new WidgetSecrets(key.bytes());
    }

    /**
     * Under the key a shared store holds: {@code storeOrRead} stores the random key it is given
     * unless there is one already, and returns the one stored, so the first node's is every node's.
     */
    public static WidgetSecrets agreed(UnaryOperator<byte[]> storeOrRead) {
        return new WidgetSecrets(new WidgetKey(storeOrRead.apply(fresh())).bytes());
    }

    /** The key in {@code data}, made at the first start (readable by the service's user only). */
    public static WidgetSecrets in(Path data) {
        Path file = data.resolve(KEY_FILE);
        try {
            Files.createDirectories(data);
            if (!Files.exists(file)) {
                byte[] fresh = fresh();
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.write(file, fresh);
                } catch (FileAlreadyExistsException raced) {
                    // Another start made it first: use theirs.
                } catch (UnsupportedOperationException notPosix) {
                    Files.write(file, fresh);
                }
            }
            return new WidgetSecrets(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or make the widget key " + file.toAbsolutePath(), e);
        }
    }

    private static byte[] fresh() {
        byte[] key = new byte[WidgetKey.MIN_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }

    public String of(String conversationId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(conversationId.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no HmacSHA256", e);
        }
    }

    /** Compared whole, so that timing tells nothing of a near miss. */
    public boolean matches(String conversationId, String secret) {
        return secret != null && MessageDigest.isEqual(of(conversationId).getBytes(StandardCharsets.UTF_8),
                secret.getBytes(StandardCharsets.UTF_8));
    }
}
