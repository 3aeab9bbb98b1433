package io.guichet;

import io.guichet.handoff.Passwords;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code java -jar guichet.jar hash-password}: reads a console password (from the terminal
 * without echo, or one line of standard input) and prints the hash to put in the agents file.
 */
final class PasswordHashCommand {
    private PasswordHashCommand() {
    }

    static void run() {
        Console console = System.console();
        char[] password;
        if (console != null) {
            password = console.readPassword("Password: ");
        } else {
            try {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                password = line == null ? new char[0] : line.toCharArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (password == null || password.length < 8) {
            System.err.println("a console password has at least 8 characters");
            System.exit(2);
        }
        System.out.println(Passwords.hash(password));
    }
}
