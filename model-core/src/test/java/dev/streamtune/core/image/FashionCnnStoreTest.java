package dev.streamtune.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamtune.contracts.Modality;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionCnnStoreTest {

    private static final PretrainSummary SUMMARY = new PretrainSummary("fashion-mnist", List.of(0, 1, 2, 3, 4), 0, 1, List.of(), 0);

    private static LabeledImages images;
    private static TensorSet tensors;

    @BeforeAll
    static void readData() throws IOException {
        images = FashionMnist.installed().read(FashionMnist.Split.TEST).head(6);
        tensors = TensorSet.fromImages(images, new ImagePreprocessor(ImagePreprocessing.FASHION_MNIST));
    }

    @Test
    void savedBackboneReproducesTheFeatureExtractorExactly(@TempDir Path dir) throws IOException {
        try (FashionCnn cnn = FashionCnn.random(FashionCnnArchitecture.DEFAULT, 5, 11)) {
            StoredFashionCnn stored = FashionCnnStore.save(dir, cnn, ImagePreprocessing.FASHION_MNIST, SUMMARY);
            float[][] expected = BlockInference.outputs(cnn.model(), cnn.features(), tensors, 8);
            try (FashionCnnBackbone backbone = FashionCnnBackbone.open(dir)) {
                assertEquals(FashionCnnBackbone.ID, backbone.info().id());
                assertEquals(128, backbone.info().dimension());
                assertEquals(Modality.IMAGE, backbone.info().modality());
                assertEquals(Sha256.of(stored.paramsFile()), backbone.info().sha256());
                float[][] actual = backbone.embed(tensors);
                for (int i = 0; i < expected.length; i++) {
                    assertArrayEquals(expected[i], actual[i]);
                }
            }
        }
    }

    @Test
    void embedsEncodedPngsLikeRawPixels(@TempDir Path dir) throws IOException {
        try (FashionCnn cnn = FashionCnn.random(FashionCnnArchitecture.DEFAULT, 5, 12)) {
            FashionCnnStore.save(dir, cnn, ImagePreprocessing.FASHION_MNIST, SUMMARY);
        }
        try (FashionCnnBackbone backbone = FashionCnnBackbone.open(dir)) {
            float[][] fromPng = backbone.embed(List.of(png(0), png(1)));
            float[][] fromPixels = backbone.embed(tensors);
            assertArrayEquals(fromPixels[0], fromPng[0], 1e-5f);
            assertArrayEquals(fromPixels[1], fromPng[1], 1e-5f);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> backbone.embed(List.of(png(0), new byte[] {(byte) 0x89, 'P', 'N', 'G'})));
            assertTrue(e.getMessage().startsWith("input 1: cannot decode image"), e.getMessage());
        }
    }

    @Test
    void pretrainedCnnStartsFromTheStoredFeatures(@TempDir Path dir) throws IOException {
        try (FashionCnn source = FashionCnn.random(FashionCnnArchitecture.DEFAULT, 5, 13)) {
            StoredFashionCnn stored = FashionCnnStore.save(dir, source, ImagePreprocessing.FASHION_MNIST, SUMMARY);
            try (FashionCnn target = FashionCnn.pretrained(stored, 3, 14)) {
                assertEquals(3, target.classes());
                float[][] expected = BlockInference.outputs(source.model(), source.features(), tensors, 8);
                float[][] actual = BlockInference.outputs(target.model(), target.features(), tensors, 8);
                assertArrayEquals(expected[0], actual[0]);
                assertEquals(3, BlockInference.outputs(target.model(), target.model().getBlock(), tensors, 8)[0].length);
            }
        }
    }

    @Test
    void savingAgainReplacesTheOldWeightsFile(@TempDir Path dir) throws IOException {
        try (FashionCnn first = FashionCnn.random(FashionCnnArchitecture.DEFAULT, 5, 15);
                FashionCnn second = FashionCnn.random(FashionCnnArchitecture.DEFAULT, 5, 16)) {
            FashionCnnStore.save(dir, first, ImagePreprocessing.FASHION_MNIST, SUMMARY);
            StoredFashionCnn latest = FashionCnnStore.save(dir, second, ImagePreprocessing.FASHION_MNIST, SUMMARY);
            assertEquals(List.of(FashionCnnStore.DESCRIPTOR, latest.descriptor().paramsFile()), fileNames(dir));
            assertEquals(latest.descriptor().sha256(), FashionCnnStore.load(dir).descriptor().sha256());
        }
    }

    @Test
    void failedSaveLeavesThePreviousBackboneLoadable(@TempDir Path dir) throws IOException {
        try (FashionCnn first = FashionCnn.random(FashionCnnArchitecture.DEFAULT, 5, 17);
                FashionCnn second = FashionCnn.random(FashionCnnArchitecture.DEFAULT, 5, 18)) {
            StoredFashionCnn saved = FashionCnnStore.save(dir, first, ImagePreprocessing.FASHION_MNIST, SUMMARY);
            ImagePreprocessing rgb = new ImagePreprocessing(28, 28, 3, new float[3], new float[] {1, 1, 1});
            assertThrows(ModelLoadingException.class, () -> FashionCnnStore.save(dir, second, rgb, SUMMARY));
            assertEquals(saved.descriptor().sha256(), FashionCnnStore.load(dir).descriptor().sha256());
            assertEquals(List.of(FashionCnnStore.DESCRIPTOR, saved.descriptor().paramsFile()), fileNames(dir));
        }
    }

    @Test
    void detectsModifiedWeights(@TempDir Path dir) throws IOException {
        try (FashionCnn cnn = FashionCnn.random(FashionCnnArchitecture.DEFAULT, 5, 19)) {
            StoredFashionCnn stored = FashionCnnStore.save(dir, cnn, ImagePreprocessing.FASHION_MNIST, SUMMARY);
            byte[] bytes = Files.readAllBytes(stored.paramsFile());
            bytes[bytes.length - 1] ^= 1;
            Files.write(stored.paramsFile(), bytes);
        }
        ModelLoadingException e = assertThrows(ModelLoadingException.class, () -> FashionCnnStore.load(dir));
        assertTrue(e.getMessage().contains("modified or corrupted"), e.getMessage());
    }

    @Test
    void missingBackboneTellsHowToCreateIt(@TempDir Path dir) {
        ModelLoadingException e = assertThrows(ModelLoadingException.class, () -> FashionCnnBackbone.open(dir));
        assertTrue(e.getMessage().contains("run ./streamtune pretrain"), e.getMessage());
    }

    @Test
    void rejectsUnreadableDescriptor(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(FashionCnnStore.DESCRIPTOR), "{ not json");
        ModelLoadingException e = assertThrows(ModelLoadingException.class, () -> FashionCnnStore.load(dir));
        assertTrue(e.getMessage().startsWith("unreadable backbone descriptor"), e.getMessage());
    }

    @Test
    void rejectsDescriptorWhoseParamsFileEscapesTheFolder(@TempDir Path dir) throws IOException {
        try (FashionCnn cnn = FashionCnn.random(FashionCnnArchitecture.DEFAULT, 5, 20)) {
            FashionCnnStore.save(dir, cnn, ImagePreprocessing.FASHION_MNIST, SUMMARY);
        }
        Path descriptor = dir.resolve(FashionCnnStore.DESCRIPTOR);
        String json = Files.readString(descriptor).replaceAll("\"paramsFile\" : \"[^\"]+\"", "\"paramsFile\" : \"../x.params\"");
        Files.writeString(descriptor, json);
        ModelLoadingException e = assertThrows(ModelLoadingException.class, () -> FashionCnnStore.load(dir));
        assertTrue(e.getMessage().contains("invalid paramsFile: ../x.params"), e.getMessage());
    }

    private static byte[] png(int i) {
        java.awt.image.BufferedImage gray = new java.awt.image.BufferedImage(28, 28, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        for (int p = 0; p < 28 * 28; p++) {
            gray.getRaster().setSample(p % 28, p / 28, 0, images.pixels()[images.offset(i) + p] & 0xFF);
        }
        return ImagePreprocessorTest.encode(gray, "png");
    }

    private static List<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
