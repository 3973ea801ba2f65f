package dev.streamtune.contracts;

/** The kind of input a sample carries. */
public enum Modality {
    TEXT,
    IMAGE
}
