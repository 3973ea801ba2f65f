package dev.streamtune.core.backbone;

/** Opens a backbone for a reference (a built-in id or a URL); registered in a {@link BackboneRegistry}. */
@FunctionalInterface
public interface BackboneFactory {

    /**
     * A newly opened backbone the caller owns and closes.
     *
     * @throws IllegalArgumentException for a reference this factory cannot interpret
     * @throws BackboneLoadException when the backbone exists but cannot be opened
     */
    Backbone<?> open(String reference);
}
