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
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The per-conversation secret that, with the conversation's id, lets a widget read and write
 * its conversation: an HMAC of the id under a key the service keeps in its data folder. Nothing
 * per conversation is stored, and a restart keeps every secret valid.
 */
public final class WidgetSecrets {
    private static final String KEY_FILE = "widget-secret.key";
    private final byte[] key;

    private WidgetSecrets(byte[] key) {
        this.key = key;
    }

    /** The key in {@code data}, made at the first start (readable by the service's user only). */
    public static WidgetSecrets in(Path data) {
        Path file = data.resolve(KEY_FILE);
        try {
            Files.createDirectories(data);
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
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
