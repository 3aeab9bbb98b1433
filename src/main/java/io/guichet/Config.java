package io.guichet;

import java.nio.file.Path;
import java.util.Map;

/** The contract's run options: each flag, else its environment variable, else the embedded default. */
record Config(int port, Path kb, Path intents, Path data) {

    static Config from(String[] args, Map<String, String> env) {
        int port = parsePort(env.getOrDefault("GUICHET_PORT", "8080"));
        Path kb = Path.of(env.getOrDefault("GUICHET_KB_DIR", "knowledge-base"));
        Path intents = Path.of(env.getOrDefault("GUICHET_INTENTS_DIR", "intents"));
        Path data = Path.of(env.getOrDefault("GUICHET_DATA_DIR", "data"));
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag.startsWith("--") ? flag + " needs a value" : usage(flag));
            }
            String value = args[++i];
            switch (flag) {
                case "--port" -> port = parsePort(value);
                case "--kb" -> kb = Path.of(value);
                case "--intents" -> intents = Path.of(value);
                case "--data" -> data = Path.of(value);
                default -> throw new IllegalArgumentException(usage(flag));
            }
        }
        return new Config(port, kb, intents, data);
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value.strip());
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the port must be a number from 0 to 65535, not '" + value + "'");
        }
    }

    private static String usage(String flag) {
        return "unknown option '" + flag + "'; usage: java -jar guichet.jar [--port N] [--kb DIR] [--intents DIR]"
                + " [--data DIR]";
    }
}
