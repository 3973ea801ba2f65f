package dev.streamtune.core.backbone;

import dev.streamtune.contracts.Modality;

/**
 * Identity of a backbone, stored with every weights artifact so a head is never served on top of a backbone it
 * was not trained on.
 *
 * @param id backbone reference, e.g. {@code minilm-l6-v2} or a URL
 * @param sha256 hex SHA-256 of the backbone's weights file(s)
 * @param dimension length of the feature vectors it produces
 * @param modality what it reads
 */
public record BackboneInfo(String id, String sha256, int dimension, Modality modality) {}
