package dev.streamtune.bench;

import dev.streamtune.core.backbone.Backbone;
import dev.streamtune.core.data.WordNetGloss;
import dev.streamtune.core.snapshot.SnapshotFormatException;
import dev.streamtune.core.snapshot.SnapshotReader;
import dev.streamtune.core.snapshot.SnapshotWriter;
import dev.streamtune.contracts.Digests;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Backbone embeddings of glosses, cached in one file per (backbone SHA-256, gloss set) under a cache folder, so a
 * rerun of a benchmark skips the backbone. A cache file that is damaged or stale is recomputed.
 */
final class EmbeddingCache {

    private static final String MAGIC = "STEC";

    private final Path folder;

    EmbeddingCache(Path folder) {
        this.folder = folder;
    }

    /** Embeddings by gloss id, from the cache or computed with {@code backbone} (and then cached). */
    Map<String, float[]> embed(Backbone<String> backbone, List<WordNetGloss> glosses) throws IOException {
        Path file = folder.resolve("embeddings-" + key(backbone, glosses) + ".bin");
        if (Files.isRegularFile(file)) {
            try {
                Map<String, float[]> cached = read(Files.readAllBytes(file));
                if (cached.size() == glosses.size()) {
                    System.out.println("embeddings from cache " + file);
                    return cached;
                }
            } catch (SnapshotFormatException e) {
                System.out.println("cache " + file + " unusable (" + e.getMessage() + "), recomputing");
            }
        }
        System.out.println("embedding " + glosses.size() + " glosses with " + backbone.info().id() + "...");
        long t0 = System.nanoTime();
        float[][] vectors = backbone.embed(glosses.stream().map(WordNetGloss::gloss).toList());
        System.out.printf("embedded in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        Map<String, float[]> out = new HashMap<>();
        SnapshotWriter w = new SnapshotWriter().putInt(glosses.size()).putInt(vectors[0].length);
        for (int i = 0; i < glosses.size(); i++) {
            out.put(glosses.get(i).id(), vectors[i]);
            w.putString(glosses.get(i).id()).putFloats(vectors[i], 0, vectors[i].length);
        }
        Files.createDirectories(folder);
        Files.write(file, w.seal(MAGIC, 1));
        return out;
    }

    private static Map<String, float[]> read(byte[] bytes) {
        SnapshotReader in = SnapshotReader.open(bytes, MAGIC, 1, "embedding cache");
        int n = in.getCount("count", bytes.length);
        int dim = in.getCount("dimension", 1 << 16);
        Map<String, float[]> out = new HashMap<>();
        for (int i = 0; i < n; i++) {
            out.put(in.getString(), in.getFloats(dim));
        }
        in.expectEnd();
        return out;
    }

    private static String key(Backbone<String> backbone, List<WordNetGloss> glosses) {
        StringBuilder sb = new StringBuilder(backbone.info().id()).append('\n').append(backbone.info().sha256());
        for (WordNetGloss g : glosses) {
            sb.append('\n').append(g.id()).append('\t').append(g.gloss());
        }
        return Digests.sha256(sb.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }
}
