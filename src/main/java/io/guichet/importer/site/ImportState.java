package io.guichet.importer.site;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an import remembers of each page it made a document of, kept in the output folder: the file
 * (so that only its own files are ever removed), the validators of the last full fetch for the next
 * conditional GET, and the sitemap's lastmod that went with them. Written sorted, so an import that
 * changed nothing writes the same bytes.
 */
record ImportState(Map<String, Page> pages) {
    static final String FILE_NAME = ".site-import.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Page(String file, String etag, String lastModified, String lastmod) {
        PoliteFetcher.Validators validators() {
            return new PoliteFetcher.Validators(etag, lastModified);
        }
    }

    static ImportState empty() {
        return new ImportState(new TreeMap<>());
    }

    /** The state a previous import left in the folder; none (a first import) when there is no file. */
    static ImportState read(Path folder) throws IOException {
        Path file = folder.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            return empty();
        }
        return new ImportState(new TreeMap<>(JSON.readValue(file.toFile(), ImportState.class).pages()));
    }

    Page page(String url) {
        return pages.get(url);
    }

    void put(String url, Page page) {
        pages.put(url, page);
    }

    byte[] bytes() throws IOException {
        return (JSON.writeValueAsString(this) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
