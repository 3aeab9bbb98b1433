package io.guichet.kb;

import java.util.Collection;
import java.util.Map;

/**
 * Passage vectors kept where every node finds them (the PostgreSQL store the nodes share): a node
 * that joins, or whose data folder is new, takes the vectors another node embedded rather than
 * embedding the whole knowledge base again. Keyed by the model and the hash of the passage's text;
 * a vector once stored never changes. Blocking.
 */
public interface SharedVectors {
    /** Those of the vectors under {@code hashes} that are stored for {@code model}. */
    Map<String, float[]> find(String model, Collection<String> hashes);

    /** Stores vectors for {@code model}; those another node stored meanwhile are kept as they are. */
    void add(String model, Map<String, float[]> vectors);
}
