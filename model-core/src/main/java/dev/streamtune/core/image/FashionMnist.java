package dev.streamtune.core.image;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads the Fashion-MNIST IDX files installed by the Debian package {@code dataset-fashion-mnist}
 * ({@code {train,t10k}-{images-idx3,labels-idx1}-ubyte.gz}), validating magic numbers, sizes and labels.
 */
public final class FashionMnist {

    /** Where {@code apt-get install dataset-fashion-mnist} puts the files. */
    public static final Path DEFAULT_DIRECTORY = Path.of("/usr/share/datasets/fashion-mnist");

    /** Class names, index = label. */
    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;

    /** The two published splits. */
    public enum Split {
        /** 60,000 training images. */
        TRAIN("train"),
        /** 10,000 test images. */
        TEST("t10k");

        private final String prefix;

        Split(String prefix) {
            this.prefix = prefix;
        }
    }

    private final Path directory;

    /** A reader for the files in {@code directory}. */
    public FashionMnist(Path directory) {
        this.directory = directory;
    }

    /** A reader for {@link #DEFAULT_DIRECTORY}, or the directory in system property {@code streamtune.fashion-mnist.dir}. */
    public static FashionMnist installed() {
        String override = System.getProperty("streamtune.fashion-mnist.dir");
        return new FashionMnist(override == null ? DEFAULT_DIRECTORY : Path.of(override));
    }

    /**
     * Reads one split.
     *
     * @throws IllegalStateException when a file is missing (naming the package to install)
     * @throws IOException when a file is truncated, has a wrong magic number, or images and labels disagree
     */
    public LabeledImages read(Split split) throws IOException {
        Path imagesFile = directory.resolve(split.prefix + "-images-idx3-ubyte.gz");
        Path labelsFile = directory.resolve(split.prefix + "-labels-idx1-ubyte.gz");
        for (Path file : List.of(imagesFile, labelsFile)) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("Fashion-MNIST file not found: " + file
                        + " (install it with `apt-get install dataset-fashion-mnist`)");
            }
        }
        return readImages(imagesFile, labelsFile, readLabels(labelsFile));
    }

    private static LabeledImages readImages(Path imagesFile, Path labelsFile, int[] labels) throws IOException {
        try (DataInputStream in = open(imagesFile)) {
            expectMagic(in, imagesFile, IMAGES_MAGIC, "unsigned byte, 3 dimensions");
            int count = readInt(in, imagesFile);
            int rows = readInt(in, imagesFile);
            int cols = readInt(in, imagesFile);
            if (count != labels.length) {
                throw new IOException(imagesFile + " holds " + count + " images but " + labelsFile + " holds "
                        + labels.length + " labels");
            }
            if (rows <= 0 || cols <= 0 || rows > 4096 || cols > 4096) {
                throw new IOException(imagesFile + ": implausible image size " + rows + "x" + cols);
            }
            byte[] pixels = new byte[Math.multiplyExact(count, rows * cols)];
            readFully(in, pixels, imagesFile);
            return new LabeledImages(pixels, labels, rows, cols);
        }
    }

    private static int[] readLabels(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            expectMagic(in, file, LABELS_MAGIC, "unsigned byte, 1 dimension");
            int count = readInt(in, file);
            if (count < 0) {
                throw new IOException(file + ": negative label count " + count);
            }
            byte[] raw = new byte[count];
            readFully(in, raw, file);
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                labels[i] = raw[i] & 0xFF;
                if (labels[i] >= CLASS_NAMES.size()) {
                    throw new IOException(file + ": label " + labels[i] + " at index " + i + " is not a class 0..9");
                }
            }
            return labels;
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        try {
            return new DataInputStream(new GZIPInputStream(raw, 1 << 16));
        } catch (IOException e) {
            raw.close();
            throw new IOException(file + " is not a gzip file: " + e.getMessage(), e);
        }
    }

    private static void expectMagic(DataInputStream in, Path file, int expected, String meaning) throws IOException {
        int magic = readInt(in, file);
        if (magic != expected) {
            throw new IOException(file + ": bad IDX magic number 0x" + Integer.toHexString(magic) + ", expected 0x"
                    + Integer.toHexString(expected) + " (" + meaning + ")");
        }
    }

    private static int readInt(DataInputStream in, Path file) throws IOException {
        byte[] four = new byte[4];
        readFully(in, four, file);
        return ((four[0] & 0xFF) << 24) | ((four[1] & 0xFF) << 16) | ((four[2] & 0xFF) << 8) | (four[3] & 0xFF);
    }

    private static void readFully(DataInputStream in, byte[] buffer, Path file) throws IOException {
        try {
            in.readFully(buffer);
        } catch (EOFException e) {
            throw new IOException(file + " is truncated: expected " + buffer.length + " more bytes", e);
        }
    }
}
