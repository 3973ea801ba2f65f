package dev.streamtune.core.image;

import java.util.List;

/**
 * How a stored backbone was pretrained, kept in its descriptor.
 *
 * @param dataset data set name, e.g. {@code fashion-mnist}
 * @param sourceClasses the classes of the source task
 * @param trainImages number of training images used
 * @param epochs passes over them
 * @param seed random seed of initialisation and shuffling
 * @param testAccuracy accuracy of the source classifier on the source classes of the test split
 * @param seconds training wall time
 */
public record PretrainSummary(String dataset, List<Integer> sourceClasses, int trainImages, int epochs, long seed,
        double testAccuracy, double seconds) {}
