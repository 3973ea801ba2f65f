package dev.streamtune.inference.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The versions of a model kept by this replica ({@code GET /v1/models/{model}/versions}).
 *
 * @param model model name
 * @param servingVersion the version answering predictions, {@code null} when none
 * @param pinnedVersion the pinned version, {@code null} when following the latest
 * @param versions the kept versions, oldest first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VersionsView(String model, Long servingVersion, Long pinnedVersion, List<VersionView> versions) {}
