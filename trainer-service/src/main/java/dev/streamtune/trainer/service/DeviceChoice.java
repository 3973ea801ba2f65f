package dev.streamtune.trainer.service;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Locale;

/** Picks the training device from {@code trainer.device}: {@code auto} takes a GPU when the engine sees one. */
public final class DeviceChoice {

    private DeviceChoice() {}

    /**
     * The device for {@code setting}.
     *
     * @throws IllegalStateException for {@code gpu} on a machine without one
     * @throws IllegalArgumentException for an unknown setting
     */
    public static Device choose(String setting) {
        int gpus = Engine.getEngine("PyTorch").getGpuCount();
        return switch (setting.toLowerCase(Locale.ROOT)) {
            case "auto" -> gpus > 0 ? Device.gpu() : Device.cpu();
            case "cpu" -> Device.cpu();
            case "gpu" -> {
                if (gpus == 0) {
                    throw new IllegalStateException("trainer.device=gpu but the PyTorch engine sees no GPU");
                }
                yield Device.gpu();
            }
            default -> throw new IllegalArgumentException("trainer.device must be auto, cpu or gpu, got '" + setting + "'");
        };
    }
}
