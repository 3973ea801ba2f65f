package dev.streamtune.core.learn;

/** Mutable running totals of a learner, copied into {@link LearnerStats} and snapshots. */
final class Counters {

    long trained;
    long heldOut;
    long replayed;
    long firstOffset = Example.NO_OFFSET;
    long lastOffset = Example.NO_OFFSET;

    /** Records that the example with source offset {@code offset} was consumed. */
    void consumed(long offset) {
        if (offset == Example.NO_OFFSET) {
            return;
        }
        firstOffset = firstOffset == Example.NO_OFFSET ? offset : Math.min(firstOffset, offset);
        lastOffset = Math.max(lastOffset, offset);
    }
}
