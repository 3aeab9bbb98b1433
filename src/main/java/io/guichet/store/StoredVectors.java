package io.guichet.store;

import io.guichet.kb.SharedVectors;
import java.nio.ByteBuffer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The passage vectors the nodes share ({@code passage_vectors}), each vector as its floats' bytes. */
final class StoredVectors implements SharedVectors {
    /** Hashes looked up per query: one parameter each. */
    private static final int PER_QUERY = 500;

    private final Database database;

    StoredVectors(Database database) {
        this.database = database;
    }

    @Override
    public Map<String, float[]> find(String model, Collection<String> hashes) {
        List<String> all = new ArrayList<>(hashes);
        return database.read("cannot read the shared passage vectors", connection -> {
            Map<String, float[]> found = new HashMap<>();
            for (int from = 0; from < all.size(); from += PER_QUERY) {
                List<String> some = all.subList(from, Math.min(all.size(), from + PER_QUERY));
                try (PreparedStatement select = connection.prepareStatement("SELECT hash, vector FROM passage_vectors"
                        + " WHERE model = ? AND hash IN (" + Database.placeholders(some.size()) + ")")) {
                    select.setString(1, model);
                    for (int i = 0; i < some.size(); i++) {
                        select.setString(i + 2, some.get(i));
                    }
                    try (ResultSet row = select.executeQuery()) {
                        while (row.next()) {
                            found.put(row.getString(1), floats(row.getBytes(2)));
                        }
                    }
                }
            }
            return found;
        });
    }

    @Override
    public void add(String model, Map<String, float[]> vectors) {
        database.write("cannot store the shared passage vectors", connection -> {
            // Two nodes embedding the same new passage at once store the same vector: the second one's does nothing.
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO passage_vectors (model, hash, vector)"
                    + " VALUES (?, ?, ?) ON CONFLICT (model, hash) DO NOTHING")) {
                for (Map.Entry<String, float[]> vector : vectors.entrySet()) {
                    insert.setString(1, model);
                    insert.setString(2, vector.getKey());
                    insert.setBytes(3, bytes(vector.getValue()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    private static byte[] bytes(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(4 * vector.length);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    private static float[] floats(byte[] bytes) {
        float[] vector = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).asFloatBuffer().get(vector);
        return vector;
    }
}
