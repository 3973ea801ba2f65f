package dev.streamtune.core.backbone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static dev.streamtune.core.backbone.TinyEncoderFixture.assertOpensTinyEncoder;

import dev.streamtune.contracts.Modality;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Opening backbones by id and by URL; URL models are the tiny fixture encoder, so these tests stay fast. */
class BackboneRegistryTest {

    private static final Duration FAST = Duration.ofSeconds(5);

    private static BackboneRegistry registry;
    private static TextEncoderOptions options;
    private static Path folder;

    @BeforeAll
    static void createRegistryAndFixtures() throws Exception {
        options = TextEncoderOptions.defaults().withPredictors(1);
        registry = BackboneRegistry.withBuiltIns(options);
        folder = TinyEncoderFixture.folder();
    }

    @Test
    void opensBuiltInMiniLmById() {
        try (Backbone<String> backbone = registry.openText("minilm-l6-v2")) {
            assertEquals(new BackboneInfo("minilm-l6-v2", SentenceEncoderLoader.ONNX_SHA256, 384, Modality.TEXT),
                    backbone.info());
            assertEquals(384, backbone.embed(List.of("a registry-opened backbone"))[0].length);
        }
    }

    @Test
    void opensOnnxModelFromFileUrlOfItsFolder() throws Exception {
        String url = folder.toUri().toString();
        assertOpensTinyEncoder(registry, url);
    }

    @Test
    void opensOnnxModelFromFileUrlOfTheOnnxFile() throws Exception {
        assertOpensTinyEncoder(registry, folder.resolve("model.onnx").toUri().toString());
    }

    @Test
    void opensOnnxModelFromZipArchiveFileUrl() throws Exception {
        assertOpensTinyEncoder(registry, TinyEncoderFixture.zip().toUri().toString());
    }

    @Test
    void rejectsUnknownIdListingKnownIds() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> registry.openText("minilm-l12"));

        assertTrue(e.getMessage().startsWith("unknown backbone 'minilm-l12'; known ids: [minilm-l6-v2]"), e.getMessage());
    }

    @Test
    void rejectsEmptyReference() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> registry.openText(" "));

        assertTrue(e.getMessage().contains("reference is empty"), e.getMessage());
    }

    @Test
    void rejectsMissingFileUrlQuicklyNamingThePath() {
        Path missing = TinyEncoderFixture.scratch("no-such-model").resolve("model.onnx");

        BackboneLoadException e = assertTimeoutPreemptively(FAST, () -> assertThrows(BackboneLoadException.class,
                () -> registry.openText(missing.toUri().toString())));

        assertTrue(e.getMessage().contains(missing + " does not exist"), e.getMessage());
    }

    @Test
    void rejectsMissingClasspathResourceQuickly() {
        BackboneLoadException e = assertTimeoutPreemptively(FAST, () -> assertThrows(BackboneLoadException.class,
                () -> registry.openText("jar:///models/absent.zip")));

        assertTrue(e.getMessage().contains("classpath resource models/absent.zip not found"), e.getMessage());
    }

    @Test
    void rejectsUnsupportedScheme() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> registry.openText("ftp://models.example/model.zip"));

        assertTrue(e.getMessage().contains("scheme must be one of"), e.getMessage());
    }

    @Test
    void rejectsFolderWithoutTokenizerAndLeavesItIntact() throws Exception {
        Path noTokenizer = TinyEncoderFixture.scratch("no-tokenizer");
        Files.createDirectories(noTokenizer);
        Files.copy(folder.resolve("model.onnx"), noTokenizer.resolve("model.onnx"),
                StandardCopyOption.REPLACE_EXISTING);

        BackboneLoadException e = assertThrows(BackboneLoadException.class,
                () -> registry.openText(noTokenizer.toUri().toString()));

        assertTrue(e.getMessage().contains("has no tokenizer.json"), e.getMessage());
        assertEquals(Files.size(folder.resolve("model.onnx")), Files.size(noTokenizer.resolve("model.onnx")));
    }

    @Test
    void rejectsFileThatIsNotAnOnnxModel() throws Exception {
        Path broken = TinyEncoderFixture.scratch("broken");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("model.onnx"), "not a protobuf");
        Files.copy(folder.resolve("tokenizer.json"), broken.resolve("tokenizer.json"),
                StandardCopyOption.REPLACE_EXISTING);

        BackboneLoadException e = assertTimeoutPreemptively(FAST, () -> assertThrows(BackboneLoadException.class,
                () -> registry.openText(broken.toUri().toString())));

        assertTrue(e.getMessage().startsWith("cannot load backbone " + broken.toUri()), e.getMessage());
        assertEquals("not a protobuf", Files.readString(broken.resolve("model.onnx")));
    }

    @Test
    void rejectsBackboneOfAnotherModality() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> registry.open("minilm-l6-v2", Modality.IMAGE));

        assertEquals("backbone minilm-l6-v2 reads TEXT inputs, not IMAGE", e.getMessage());
    }

    @Test
    void rejectsUrlForModalityWithoutUrlLoader() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> registry.open(folder.toUri().toString(), Modality.IMAGE));

        assertTrue(e.getMessage().startsWith("no URL loader for IMAGE backbones"), e.getMessage());
    }

    @Test
    void opensBackbonesRegisteredByOtherCode() {
        Backbone<byte[]> imageBackbone = new Backbone<>() {
            @Override
            public BackboneInfo info() {
                return new BackboneInfo("pixels", "0".repeat(64), 2, Modality.IMAGE);
            }

            @Override
            public float[][] embed(List<byte[]> inputs) {
                return new float[inputs.size()][2];
            }

            @Override
            public void close() {}
        };
        BackboneRegistry own = BackboneRegistry.withBuiltIns(options).register("pixels", Modality.IMAGE, id -> imageBackbone);

        assertSame(imageBackbone, own.open("pixels", Modality.IMAGE));
        assertEquals(Set.of("minilm-l6-v2", "pixels"), own.ids());
        assertEquals(Set.of("minilm-l6-v2"), registry.ids(), "registries do not share registrations");
    }

    @Test
    void rejectsIdThatLooksLikeUrl() {
        assertThrows(IllegalArgumentException.class,
                () -> new BackboneRegistry().register("file:model", Modality.TEXT, id -> null));
    }
}
