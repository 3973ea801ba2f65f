package dev.streamtune.core.image;

import java.util.List;

/**
 * How a stored backbone was pretrained, kept in its descriptor.
 *
 * @param dataset data set name, e.g. {@code fashion-mnist}
 * @param sourceClasses the classes of the source task
 * @param trainImages number of training images used
 * @param seed random seed of initialisation and shuffling
 * @param epochs what every pass over the training images achieved
 * @param seconds training wall time, evaluation included
 */
public record PretrainSummary(String dataset, List<Integer> sourceClasses, int trainImages, long seed,
        List<Epoch> epochs, double seconds) {

    /**
     * One pretraining epoch.
     *
     * @param epoch 1-based number
     * @param loss mean training loss
     * @param trainAccuracy accuracy on the training batches
     * @param testAccuracy accuracy on the source classes of the test split after the epoch
     * @param seconds training time of the epoch (evaluation excluded)
     */
    public record Epoch(int epoch, double loss, double trainAccuracy, double testAccuracy, double seconds) {}

    /** Test accuracy after the last epoch (0 when there was none). */
    public double testAccuracy() {
        return epochs == null || epochs.isEmpty() ? 0 : epochs.get(epochs.size() - 1).testAccuracy();
    }
}
