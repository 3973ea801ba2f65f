package dev.streamtune.core.image;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;

/**
 * Shape of the compact Fashion-MNIST CNN: {@code conv3x3(conv1) - relu - maxpool2 - conv3x3(conv2) - relu -
 * maxpool2 - flatten - dense(featureDimension) - relu} is the feature extractor (the backbone), a single dense
 * layer on top is the classifier head.
 *
 * @param inputSize side of the square grayscale input (28 for Fashion-MNIST)
 * @param conv1Channels filters of the first convolution
 * @param conv2Channels filters of the second convolution
 * @param featureDimension width of the dense feature layer, the backbone's output dimension
 */
public record FashionCnnArchitecture(int inputSize, int conv1Channels, int conv2Channels, int featureDimension) {

    /** conv 32 - pool - conv 64 - pool - dense 128 on 28x28 inputs (about 420k parameters). */
    public static final FashionCnnArchitecture DEFAULT = new FashionCnnArchitecture(28, 32, 64, 128);

    /** Validates the sizes (the input must survive two 2x2 poolings). */
    public FashionCnnArchitecture {
        if (inputSize < 4 || conv1Channels <= 0 || conv2Channels <= 0 || featureDimension <= 0) {
            throw new IllegalArgumentException("invalid CNN architecture: input " + inputSize + ", conv " + conv1Channels
                    + "/" + conv2Channels + ", features " + featureDimension);
        }
    }

    /** A new, uninitialised feature extractor. */
    public Block newFeatureExtractor() {
        return new SequentialBlock()
                .add(conv(conv1Channels))
                .add(Activation::relu)
                .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add(conv(conv2Channels))
                .add(Activation::relu)
                .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(featureDimension).build())
                .add(Activation::relu);
    }

    /** A new, uninitialised classifier head with {@code classes} outputs (logits). */
    public Block newHead(int classes) {
        if (classes < 2) {
            throw new IllegalArgumentException("a classifier needs at least 2 classes, got " + classes);
        }
        return Linear.builder().setUnits(classes).build();
    }

    /** Input shape of a batch: {@code (batch, 1, inputSize, inputSize)}. */
    public Shape inputShape(int batch) {
        return new Shape(batch, 1, inputSize, inputSize);
    }

    /** Shape of one image: {@code (1, inputSize, inputSize)}. */
    public Shape sampleShape() {
        return new Shape(1, inputSize, inputSize);
    }

    private static Block conv(int filters) {
        return Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(filters).build();
    }
}
