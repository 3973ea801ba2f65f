package dev.streamtune.core.image;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A set of 8-bit grayscale images of one size with integer labels, stored compactly (one byte per pixel).
 *
 * @param pixels {@code size() * rows * cols} bytes, image after image, row-major
 * @param labels one label per image
 * @param rows image height
 * @param cols image width
 */
public record LabeledImages(byte[] pixels, int[] labels, int rows, int cols) {

    /** Validates that pixels and labels describe the same number of images. */
    public LabeledImages {
        if (rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + rows + "x" + cols);
        }
        if ((long) labels.length * rows * cols != pixels.length) {
            throw new IllegalArgumentException(labels.length + " labels need " + (long) labels.length * rows * cols
                    + " pixel bytes, got " + pixels.length);
        }
    }

    /** Number of images. */
    public int size() {
        return labels.length;
    }

    /** Bytes per image. */
    public int imageSize() {
        return rows * cols;
    }

    /** Offset of image {@code i} in {@link #pixels()}. */
    public int offset(int i) {
        return i * imageSize();
    }

    /**
     * The images whose label lies in {@code [first, last]}, relabelled to {@code label - first} so a class range
     * becomes a task with labels {@code 0..last-first}; order is kept.
     */
    public LabeledImages classRange(int first, int last) {
        return select(indicesOfClasses(first, last), first);
    }

    /** The images whose label lies in {@code [first, last]}, labels and order kept (no relabelling). */
    public LabeledImages ofClasses(int first, int last) {
        return select(indicesOfClasses(first, last), 0);
    }

    /**
     * All images of {@code parts} (which must share one image size), part after part, labels kept.
     *
     * @throws IllegalArgumentException for no parts or parts of different image sizes
     */
    public static LabeledImages concat(List<LabeledImages> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to concatenate");
        }
        LabeledImages first = parts.get(0);
        int total = 0;
        for (LabeledImages part : parts) {
            if (part.rows != first.rows || part.cols != first.cols) {
                throw new IllegalArgumentException("cannot concatenate " + part.rows + "x" + part.cols + " images with "
                        + first.rows + "x" + first.cols + " images");
            }
            total += part.size();
        }
        byte[] px = new byte[total * first.imageSize()];
        int[] lab = new int[total];
        int at = 0;
        for (LabeledImages part : parts) {
            System.arraycopy(part.pixels, 0, px, at * first.imageSize(), part.pixels.length);
            System.arraycopy(part.labels, 0, lab, at, part.size());
            at += part.size();
        }
        return new LabeledImages(px, lab, first.rows, first.cols);
    }

    private List<Integer> indicesOfClasses(int first, int last) {
        if (first > last) {
            throw new IllegalArgumentException("empty class range " + first + ".." + last);
        }
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            if (labels[i] >= first && labels[i] <= last) {
                kept.add(i);
            }
        }
        return kept;
    }

    /**
     * A seeded random subset with exactly {@code perClass} images of every label present, in shuffled order. For one
     * seed the subsets are nested: the images chosen for 10 per class are among those chosen for 50 per class.
     *
     * @throws IllegalArgumentException when some label has fewer than {@code perClass} images
     */
    public LabeledImages samplePerClass(int perClass, long seed) {
        if (perClass <= 0) {
            throw new IllegalArgumentException("perClass must be positive, got " + perClass);
        }
        int classes = 0;
        for (int label : labels) {
            classes = Math.max(classes, label + 1);
        }
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < size(); i++) {
            byClass.get(labels[i]).add(i);
        }
        Random random = new Random(seed);
        List<Integer> chosen = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            List<Integer> members = byClass.get(c);
            if (members.isEmpty()) {
                continue;
            }
            if (members.size() < perClass) {
                throw new IllegalArgumentException("class " + c + " has " + members.size() + " images, fewer than "
                        + perClass);
            }
            Collections.shuffle(members, random);
            chosen.addAll(members.subList(0, perClass));
        }
        Collections.shuffle(chosen, random);
        return select(chosen, 0);
    }

    /** The first {@code n} images (all when {@code n >= size()}). */
    public LabeledImages head(int n) {
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < Math.min(n, size()); i++) {
            kept.add(i);
        }
        return select(kept, 0);
    }

    private LabeledImages select(List<Integer> indices, int labelShift) {
        int n = imageSize();
        byte[] px = new byte[indices.size() * n];
        int[] lab = new int[indices.size()];
        for (int j = 0; j < indices.size(); j++) {
            int i = indices.get(j);
            System.arraycopy(pixels, i * n, px, j * n, n);
            lab[j] = labels[i] - labelShift;
        }
        return new LabeledImages(px, lab, rows, cols);
    }
}
