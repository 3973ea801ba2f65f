package dev.streamtune.inference.swap;

import dev.streamtune.contracts.Digests;
import dev.streamtune.contracts.VersionInfo;
import dev.streamtune.core.backbone.BackboneInfo;
import java.util.List;

/**
 * Checks that a version fits what will serve it: the backbone it was trained on (id and weights hash), a head
 * whose input length is the backbone's dimension and whose labels are the version's, and a label map consistent
 * with the serving version's (labels only ever get appended, so one list must start with the other).
 */
final class CompatibilityCheck {

    private CompatibilityCheck() {}

    /** The version was trained on {@code serving}. */
    static void backbone(VersionInfo info, BackboneInfo serving) {
        if (!serving.id().equals(info.backbone())) {
            throw incompatible(info, "trained on backbone " + info.backbone() + ", served by " + serving.id());
        }
        if (info.backboneSha256() != null && !Digests.sameHex(info.backboneSha256(), serving.sha256())) {
            throw incompatible(info, "trained on backbone weights " + info.backboneSha256() + ", this replica's "
                    + serving.id() + " has " + serving.sha256());
        }
    }

    /** The head's input and output fit the backbone and the version's labels. */
    static void head(VersionInfo info, ModelHead head, BackboneInfo serving) {
        if (head.inputDim() != serving.dimension()) {
            throw incompatible(info, "head takes " + head.inputDim() + " features, backbone " + serving.id() + " gives "
                    + serving.dimension());
        }
        if (!head.labels().equals(info.labels())) {
            throw incompatible(info, "artifact labels " + head.labels() + " differ from the version's " + info.labels());
        }
    }

    /** The label map agrees with the serving version's ({@code current} may be {@code null}). */
    static void labels(VersionInfo info, VersionInfo current) {
        if (current == null || !current.model().equals(info.model())) {
            return;
        }
        List<String> a = info.labels();
        List<String> b = current.labels();
        List<String> shorter = a.size() <= b.size() ? a : b;
        List<String> longer = a.size() <= b.size() ? b : a;
        if (!longer.subList(0, shorter.size()).equals(shorter)) {
            throw incompatible(info, "label map " + a + " contradicts serving version " + current.version() + "'s " + b);
        }
    }

    private static VersionRefusedException incompatible(VersionInfo info, String why) {
        return new VersionRefusedException(RefusalReason.INCOMPATIBLE, "version " + info.key() + ": " + why);
    }
}
