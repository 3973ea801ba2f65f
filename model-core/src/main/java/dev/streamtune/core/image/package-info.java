/**
 * Images: preprocessing, Fashion-MNIST, frozen image backbones and the trainable Fashion-CNN.
 *
 * <ul>
 *   <li>{@link dev.streamtune.core.image.ImagePreprocessor}: PNG/JPEG bytes to normalised CHW floats (resize,
 *       grayscale/RGB, mean/std), matching PyTorch's bilinear resize.
 *   <li>{@link dev.streamtune.core.image.FashionMnist}: the IDX files of Debian's {@code dataset-fashion-mnist}.
 *   <li>{@link dev.streamtune.core.image.UrlImageBackbone}: user ONNX / TorchScript models from {@code file:},
 *       {@code jar:} and {@code http(s):} URLs via DJL.
 *   <li>{@link dev.streamtune.core.image.FashionCnn}: conv 32 - pool - conv 64 - pool - dense 128 feature extractor
 *       plus head, built from DJL blocks on PyTorch; its {@code features()} block is what a fine-tuning strategy
 *       unfreezes ({@link dev.streamtune.core.image.SplitRateOptimizer} gives it a lower learning rate).
 *   <li>{@link dev.streamtune.core.image.FashionCnnStore} / {@link dev.streamtune.core.image.FashionCnnBackbone}:
 *       the pretrained feature extractor saved as a verified backbone folder and served as backbone
 *       {@code fashion-cnn}; {@link dev.streamtune.core.image.PretrainMain} creates it.
 *   <li>{@link dev.streamtune.core.image.ClassIncrementalSplit}, {@link dev.streamtune.core.image.ContinualImageTrainer}
 *       and {@link dev.streamtune.core.image.ClassIncrementalRunner}: class-incremental streams of images (Split
 *       Fashion-MNIST) learned end to end, with replay of raw images
 *       ({@link dev.streamtune.core.replay.ImageReplayBuffer}), against naive and joint training.
 * </ul>
 */
package dev.streamtune.core.image;
