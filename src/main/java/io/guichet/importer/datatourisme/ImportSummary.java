package io.guichet.importer.datatourisme;

import java.time.Duration;

/**
 * What one import did, counted in items of the flux: {@code written} items have at least one page
 * new or changed, {@code unchanged} ones kept all their files as they were, {@code removed} ones
 * left the flux and lost their pages, {@code skipped} ones could not be read or mapped.
 */
public record ImportSummary(int read, int written, int unchanged, int removed, int skipped, int documents,
                            Duration took) {

    /** True when the knowledge base was left exactly as it was. */
    public boolean changedNothing() {
        return written == 0 && removed == 0;
    }

    @Override
    public String toString() {
        return read + " items read, " + written + " written, " + unchanged + " unchanged, " + removed + " removed, "
                + skipped + " skipped (" + documents + " documents) in " + took.toMillis() + " ms";
    }
}
