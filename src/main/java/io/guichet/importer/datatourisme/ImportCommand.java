package io.guichet.importer.datatourisme;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code java -jar guichet.jar import datatourisme FLUX [--out DIR]}: imports a flux (a zip or its
 * unpacked folder) into the knowledge base and prints what it did.
 */
public final class ImportCommand {
    /** Where the pages go unless {@code --out} says otherwise. */
    public static final Path DEFAULT_OUT = Path.of("knowledge-base").resolve(DatatourismeImport.FOLDER_IN_KB);
    private static final String USAGE = "usage: java -jar guichet.jar import datatourisme FLUX [--out DIR]"
            + " (FLUX: a DATAtourisme flux zip or its unpacked folder; DIR: " + DEFAULT_OUT + " by default),"
            + " or: java -jar guichet.jar import site SITEMAP_URL [options]";

    private ImportCommand() {
    }

    /** Runs the command on its arguments (after {@code import}); the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length < 2 || !args[0].equals("datatourisme")) {
            err.println(USAGE);
            return 2;
        }
        Path flux = Path.of(args[1]);
        Path folder = DEFAULT_OUT;
        for (int i = 2; i < args.length; i += 2) {
            if (!args[i].equals("--out") || i + 1 >= args.length) {
                err.println(USAGE);
                return 2;
            }
            folder = Path.of(args[i + 1]);
        }
        try {
            ImportSummary summary = DatatourismeImport.run(flux, folder);
            out.println("datatourisme import into " + folder + ": " + summary);
            return 0;
        } catch (IOException e) {
            err.println("datatourisme import failed, the knowledge base is unchanged: " + e.getMessage());
            return 1;
        }
    }
}
