package dev.streamtune.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamtune.core.image.ClassIncrementalSplit.Experience;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClassIncrementalSplitTest {

    /** {@code perClass} 2x2 images of each of {@code classes} labels; every pixel of image i is {@code i}. */
    private static LabeledImages synthetic(int classes, int perClass) {
        int n = classes * perClass;
        byte[] pixels = new byte[n * 4];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            Arrays.fill(pixels, i * 4, i * 4 + 4, (byte) i);
            labels[i] = i % classes;
        }
        return new LabeledImages(pixels, labels, 2, 2);
    }

    private static Set<Integer> labelsOf(LabeledImages images) {
        Set<Integer> labels = new HashSet<>();
        Arrays.stream(images.labels()).forEach(labels::add);
        return labels;
    }

    @Test
    void splitsTheRealFashionMnistTestSetIntoFiveExperiencesOfTwoClasses() throws IOException {
        LabeledImages t10k = FashionMnist.installed().read(FashionMnist.Split.TEST);
        List<Experience> experiences = ClassIncrementalSplit.split(t10k, t10k, 2, 300, 7);
        assertEquals(5, experiences.size());
        for (Experience e : experiences) {
            assertEquals(Set.of(2 * e.index(), 2 * e.index() + 1), labelsOf(e.train()), "original labels kept");
            assertEquals(Set.of(2 * e.index(), 2 * e.index() + 1), labelsOf(e.test()));
            assertEquals(600, e.train().size(), "300 training images per class");
            assertEquals(2000, e.test().size(), "every test image of the two classes");
            assertEquals(2, e.classCount());
        }
        assertEquals(3000, ClassIncrementalSplit.jointTrain(experiences).size());
        assertEquals(Set.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), labelsOf(ClassIncrementalSplit.jointTrain(experiences)));
    }

    @Test
    void keepsEveryTrainingImageWithoutSubsamplingAndPixelsStayWithTheirLabels() {
        LabeledImages data = synthetic(6, 5);
        List<Experience> experiences = ClassIncrementalSplit.split(data, data, 3, 0, 1);
        assertEquals(2, experiences.size());
        assertEquals(3, experiences.get(1).firstClass());
        assertEquals(5, experiences.get(1).lastClass());
        for (Experience e : experiences) {
            assertEquals(15, e.train().size());
            for (int i = 0; i < e.train().size(); i++) {
                int original = e.train().pixels()[e.train().offset(i)];
                assertEquals(original % 6, e.train().labels()[i]);
            }
        }
        LabeledImages joint = ClassIncrementalSplit.jointTrain(experiences);
        assertEquals(30, joint.size());
        int[] sorted = new int[30];
        for (int i = 0; i < 30; i++) {
            sorted[i] = joint.pixels()[i * 4];
        }
        Arrays.sort(sorted);
        int[] all = new int[30];
        Arrays.setAll(all, i -> i);
        assertArrayEquals(all, sorted, "joint training holds each image exactly once");
    }

    @Test
    void subsamplingIsSeeded() {
        LabeledImages data = synthetic(4, 50);
        List<Experience> a = ClassIncrementalSplit.split(data, data, 2, 10, 5);
        List<Experience> b = ClassIncrementalSplit.split(data, data, 2, 10, 5);
        List<Experience> c = ClassIncrementalSplit.split(data, data, 2, 10, 6);
        assertArrayEquals(a.get(1).train().pixels(), b.get(1).train().pixels());
        assertTrue(!Arrays.equals(a.get(1).train().pixels(), c.get(1).train().pixels()));
    }

    @Test
    void rejectsClassCountsThatDoNotSplitEvenly() {
        LabeledImages data = synthetic(5, 3);
        assertThrows(IllegalArgumentException.class, () -> ClassIncrementalSplit.split(data, data, 2, 0, 1));
    }

    @Test
    void rejectsAClassMissingFromTheTestSetOrTooFewTrainingImages() {
        LabeledImages train = synthetic(4, 3);
        LabeledImages testWithoutClassTwo = train.ofClasses(0, 1);
        LabeledImages test = LabeledImages.concat(List.of(testWithoutClassTwo, train.ofClasses(3, 3)));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> ClassIncrementalSplit.split(train, test, 2, 0, 1));
        assertTrue(missing.getMessage().contains("class 2 has no test image"), missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ClassIncrementalSplit.split(train, train, 2, 4, 1));
        assertThrows(IllegalArgumentException.class, () -> ClassIncrementalSplit.split(train, train, 0, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> ClassIncrementalSplit.split(train, train, 2, -1, 1));
    }

    @Test
    void concatenationRejectsMixedImageSizes() {
        LabeledImages small = synthetic(2, 1);
        LabeledImages other = new LabeledImages(new byte[9], new int[] {0}, 3, 3);
        assertThrows(IllegalArgumentException.class, () -> LabeledImages.concat(List.of(small, other)));
        assertThrows(IllegalArgumentException.class, () -> LabeledImages.concat(List.of()));
    }
}
