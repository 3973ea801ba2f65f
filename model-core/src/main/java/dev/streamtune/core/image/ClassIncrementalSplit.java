package dev.streamtune.core.image;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a labelled image data set into class-incremental experiences: experience {@code e} holds classes
 * {@code e·k .. e·k+k-1} (k = classes per experience), e.g. Split Fashion-MNIST = 5 experiences × 2 classes. Labels
 * keep their original values (one head over all classes, no task id). Each experience's training images may be
 * subsampled to a fixed number per class (seeded); its test images are all test images of its classes.
 */
public final class ClassIncrementalSplit {

    /**
     * One experience.
     *
     * @param index 0-based position in the stream
     * @param firstClass lowest label of the experience
     * @param lastClass highest label of the experience
     * @param train its training images, original labels
     * @param test every test image of its classes, original labels
     */
    public record Experience(int index, int firstClass, int lastClass, LabeledImages train, LabeledImages test) {

        /** Number of classes the experience introduces. */
        public int classCount() {
            return lastClass - firstClass + 1;
        }
    }

    private ClassIncrementalSplit() {}

    /**
     * Splits {@code train} and {@code test} (labels {@code 0..C-1}) into {@code C / classesPerExperience}
     * experiences.
     *
     * @param trainPerClass training images kept per class (a seeded random subset), or 0 to keep them all
     * @throws IllegalArgumentException when {@code classesPerExperience} does not divide the number of classes,
     *     when a class has no training or no test image, or fewer training images than {@code trainPerClass}
     */
    public static List<Experience> split(LabeledImages train, LabeledImages test, int classesPerExperience,
            int trainPerClass, long seed) {
        if (classesPerExperience < 1 || trainPerClass < 0) {
            throw new IllegalArgumentException("need classesPerExperience >= 1 and trainPerClass >= 0, got "
                    + classesPerExperience + " and " + trainPerClass);
        }
        int classes = classCount(train);
        if (classCount(test) != classes) {
            throw new IllegalArgumentException("train has " + classes + " classes but test has " + classCount(test));
        }
        if (classes % classesPerExperience != 0) {
            throw new IllegalArgumentException(classes + " classes do not split into experiences of "
                    + classesPerExperience);
        }
        List<Experience> experiences = new ArrayList<>();
        for (int first = 0; first < classes; first += classesPerExperience) {
            int last = first + classesPerExperience - 1;
            LabeledImages trainPart = train.ofClasses(first, last);
            LabeledImages testPart = test.ofClasses(first, last);
            requireEveryClass(trainPart, first, last, "training");
            requireEveryClass(testPart, first, last, "test");
            if (trainPerClass > 0) {
                trainPart = trainPart.samplePerClass(trainPerClass, seed + first);
            }
            experiences.add(new Experience(experiences.size(), first, last, trainPart, testPart));
        }
        return List.copyOf(experiences);
    }

    /** Every experience's training images in one set (the joint-training upper bound), experience after experience. */
    public static LabeledImages jointTrain(List<Experience> experiences) {
        return LabeledImages.concat(experiences.stream().map(Experience::train).toList());
    }

    private static int classCount(LabeledImages images) {
        int max = -1;
        for (int label : images.labels()) {
            max = Math.max(max, label);
        }
        return max + 1;
    }

    private static void requireEveryClass(LabeledImages images, int first, int last, String what) {
        boolean[] present = new boolean[last - first + 1];
        for (int label : images.labels()) {
            present[label - first] = true;
        }
        for (int c = 0; c < present.length; c++) {
            if (!present[c]) {
                throw new IllegalArgumentException("class " + (first + c) + " has no " + what + " image");
            }
        }
    }
}
