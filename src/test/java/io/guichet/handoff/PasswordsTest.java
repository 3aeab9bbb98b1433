package io.guichet.handoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordsTest {

    @Test
    void aHashMatchesItsPasswordOnlyAndIsSaltedEachTime() {
        String hash = Passwords.hash("correct horse".toCharArray());
        assertTrue(hash.startsWith("pbkdf2-sha256$" + Passwords.ITERATIONS + "$"));
        assertTrue(Passwords.matches("correct horse".toCharArray(), hash));
        assertFalse(Passwords.matches("correct horsE".toCharArray(), hash));
        assertNotEquals(hash, Passwords.hash("correct horse".toCharArray()));
        assertFalse(Passwords.matches("x".toCharArray(), "plain-text-password"));
        assertFalse(Passwords.matches("x".toCharArray(), "pbkdf2-sha256$12$!!$!!"));
    }

    @Test
    void theDirectoryLogsInByIdAndPassword(@TempDir Path folder) throws Exception {
        Path file = Files.writeString(folder.resolve("agents.yml"), "agents:\n  - id: claire\n    name: Claire\n"
                + "    password: \"" + Passwords.hash("s3cret-pass".toCharArray()) + "\"\n");
        AgentDirectory directory = AgentDirectory.load(file);
        assertEquals("Claire", directory.login("claire", "s3cret-pass").orElseThrow().name());
        assertEquals(Optional.empty(), directory.login("claire", "wrong"));
        assertEquals(Optional.empty(), directory.login("paul", "s3cret-pass"));
        assertEquals(Optional.empty(), directory.authenticate("s3cret-pass"), "a password is not an API token");
    }
}
