package dev.streamtune.core.image;

/**
 * The JSON ({@code backbone.json}) stored next to a saved Fashion-CNN backbone: what to build, how to feed it and
 * which weights file (by SHA-256) belongs to it.
 *
 * @param id backbone id, {@code fashion-cnn}
 * @param formatVersion layout version of this descriptor
 * @param architecture sizes of the CNN
 * @param preprocessing input preprocessing the weights were trained with
 * @param paramsFile name of the DJL parameters file of the feature extractor, in the same folder
 * @param sha256 hex SHA-256 of that file
 * @param dimension feature vector length
 * @param pretraining how the weights were trained
 * @param createdAt ISO-8601 instant of saving
 */
public record FashionCnnDescriptor(String id, int formatVersion, FashionCnnArchitecture architecture,
        ImagePreprocessing preprocessing, String paramsFile, String sha256, int dimension, PretrainSummary pretraining,
        String createdAt) {

    /** The only layout version so far. */
    public static final int FORMAT_VERSION = 1;

    /**
     * Checks the fields a loader relies on.
     *
     * @throws ModelLoadingException naming the first bad field
     */
    public void validate() {
        if (formatVersion != FORMAT_VERSION) {
            throw new ModelLoadingException("unsupported backbone descriptor formatVersion " + formatVersion
                    + " (this build reads " + FORMAT_VERSION + ")");
        }
        if (architecture == null || preprocessing == null) {
            throw new ModelLoadingException("backbone descriptor lacks architecture or preprocessing");
        }
        if (paramsFile == null || !paramsFile.matches("[A-Za-z0-9._-]+\\.params")) {
            throw new ModelLoadingException("backbone descriptor has an invalid paramsFile: " + paramsFile);
        }
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new ModelLoadingException("backbone descriptor has an invalid sha256: " + sha256);
        }
        if (dimension != architecture.featureDimension()) {
            throw new ModelLoadingException("backbone descriptor dimension " + dimension
                    + " disagrees with its architecture's " + architecture.featureDimension());
        }
        if (preprocessing.channels() != 1 || preprocessing.width() != architecture.inputSize()
                || preprocessing.height() != architecture.inputSize()) {
            throw new ModelLoadingException("backbone preprocessing " + preprocessing + " does not fit a 1x"
                    + architecture.inputSize() + "x" + architecture.inputSize() + " input");
        }
    }
}
