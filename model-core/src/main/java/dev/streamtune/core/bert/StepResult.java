package dev.streamtune.core.bert;

/**
 * Losses of one training step, before the update.
 *
 * @param loss the total loss minimised (cross-entropy + weighted distillation; the L2-SP term acts on gradients)
 * @param crossEntropy mean cross-entropy on the batch's labels
 * @param distillation mean LwF KL term (times T²), 0 without a teacher
 * @param samples batch size
 */
public record StepResult(float loss, float crossEntropy, float distillation, int samples) {}
