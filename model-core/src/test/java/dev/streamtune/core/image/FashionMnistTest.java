package dev.streamtune.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FashionMnistTest {

    @Test
    void readsTheInstalledTestSplit() throws IOException {
        LabeledImages test = FashionMnist.installed().read(FashionMnist.Split.TEST);
        assertEquals(10_000, test.size());
        assertEquals(28, test.rows());
        int[] perClass = new int[10];
        Arrays.stream(test.labels()).forEach(label -> perClass[label]++);
        int[] thousandEach = new int[10];
        Arrays.fill(thousandEach, 1000);
        assertArrayEquals(thousandEach, perClass);
    }

    @Test
    void classRangeRelabelsFromZero() throws IOException {
        LabeledImages target = FashionMnist.installed().read(FashionMnist.Split.TEST).classRange(5, 9);
        assertEquals(5_000, target.size());
        assertEquals(0, Arrays.stream(target.labels()).min().orElseThrow());
        assertEquals(4, Arrays.stream(target.labels()).max().orElseThrow());
    }

    @Test
    void samplePerClassIsSeededAndBalanced() throws IOException {
        LabeledImages target = FashionMnist.installed().read(FashionMnist.Split.TEST).classRange(5, 9);
        LabeledImages a = target.samplePerClass(10, 42);
        LabeledImages b = target.samplePerClass(10, 42);
        LabeledImages c = target.samplePerClass(10, 43);
        assertEquals(50, a.size());
        assertArrayEquals(a.pixels(), b.pixels());
        assertTrue(!Arrays.equals(a.pixels(), c.pixels()));
        assertEquals(10, Arrays.stream(a.labels()).filter(label -> label == 3).count());
    }

    @Test
    void smallerSamplesAreNestedInLargerOnesOfTheSameSeed() throws IOException {
        LabeledImages target = FashionMnist.installed().read(FashionMnist.Split.TEST).classRange(5, 9);
        Set<String> large = imageKeys(target.samplePerClass(50, 11));
        Set<String> small = imageKeys(target.samplePerClass(10, 11));
        assertEquals(50, small.size());
        assertTrue(large.containsAll(small));
    }

    private static Set<String> imageKeys(LabeledImages images) {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < images.size(); i++) {
            byte[] one = Arrays.copyOfRange(images.pixels(), images.offset(i), images.offset(i) + images.imageSize());
            keys.add(images.labels()[i] + ":" + Arrays.toString(one));
        }
        return keys;
    }

    @Test
    void missingFilesNameTheDebianPackage(@TempDir Path empty) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new FashionMnist(empty).read(FashionMnist.Split.TRAIN));
        assertTrue(e.getMessage().contains("apt-get install dataset-fashion-mnist"), e.getMessage());
    }

    @Test
    void rejectsWrongMagicNumber(@TempDir Path dir) throws IOException {
        writeIdx(dir.resolve("t10k-labels-idx1-ubyte.gz"), FashionMnist.LABELS_MAGIC, new int[] {2}, new byte[] {1, 2});
        writeIdx(dir.resolve("t10k-images-idx3-ubyte.gz"), 0x0803 + 1, new int[] {2, 2, 2}, new byte[8]);
        IOException e = assertThrows(IOException.class, () -> new FashionMnist(dir).read(FashionMnist.Split.TEST));
        assertTrue(e.getMessage().contains("bad IDX magic number 0x804"), e.getMessage());
    }

    @Test
    void rejectsTruncatedImages(@TempDir Path dir) throws IOException {
        writeIdx(dir.resolve("t10k-labels-idx1-ubyte.gz"), FashionMnist.LABELS_MAGIC, new int[] {2}, new byte[] {1, 2});
        writeIdx(dir.resolve("t10k-images-idx3-ubyte.gz"), FashionMnist.IMAGES_MAGIC, new int[] {2, 2, 2}, new byte[5]);
        IOException e = assertThrows(IOException.class, () -> new FashionMnist(dir).read(FashionMnist.Split.TEST));
        assertTrue(e.getMessage().contains("is truncated"), e.getMessage());
    }

    @Test
    void rejectsCountMismatchBetweenImagesAndLabels(@TempDir Path dir) throws IOException {
        writeIdx(dir.resolve("t10k-labels-idx1-ubyte.gz"), FashionMnist.LABELS_MAGIC, new int[] {3}, new byte[] {1, 2, 3});
        writeIdx(dir.resolve("t10k-images-idx3-ubyte.gz"), FashionMnist.IMAGES_MAGIC, new int[] {2, 2, 2}, new byte[8]);
        IOException e = assertThrows(IOException.class, () -> new FashionMnist(dir).read(FashionMnist.Split.TEST));
        assertTrue(e.getMessage().contains("holds 2 images but"), e.getMessage());
    }

    @Test
    void rejectsLabelOutsideTheTenClasses(@TempDir Path dir) throws IOException {
        writeIdx(dir.resolve("t10k-labels-idx1-ubyte.gz"), FashionMnist.LABELS_MAGIC, new int[] {1}, new byte[] {12});
        writeIdx(dir.resolve("t10k-images-idx3-ubyte.gz"), FashionMnist.IMAGES_MAGIC, new int[] {1, 2, 2}, new byte[4]);
        IOException e = assertThrows(IOException.class, () -> new FashionMnist(dir).read(FashionMnist.Split.TEST));
        assertTrue(e.getMessage().contains("label 12 at index 0"), e.getMessage());
    }

    @Test
    void rejectsFileThatIsNotGzip(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("t10k-labels-idx1-ubyte.gz"), new byte[] {0, 0, 8, 1});
        Files.write(dir.resolve("t10k-images-idx3-ubyte.gz"), new byte[] {0, 0, 8, 3});
        IOException e = assertThrows(IOException.class, () -> new FashionMnist(dir).read(FashionMnist.Split.TEST));
        assertTrue(e.getMessage().contains("is not a gzip file"), e.getMessage());
    }

    private static void writeIdx(Path file, int magic, int[] dims, byte[] data) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(magic);
            for (int d : dims) {
                out.writeInt(d);
            }
            out.write(data);
        }
    }
}
