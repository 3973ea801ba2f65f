package dev.streamtune.ingest.problem;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the field errors of one request. Keeps at most {@code maxListed} of them (a stream of bad lines must
 * not grow the answer without bound) but counts them all.
 */
public final class ErrorList {

    private final int maxListed;
    private final List<FieldError> listed = new ArrayList<>();
    private long total;

    public ErrorList(int maxListed) {
        this.maxListed = maxListed;
    }

    /** Records an error. */
    public void add(FieldError error) {
        total++;
        if (listed.size() < maxListed) {
            listed.add(error);
        }
    }

    /** Whether no error was recorded. */
    public boolean isEmpty() {
        return total == 0;
    }

    /** Number of errors recorded, listed or not. */
    public long total() {
        return total;
    }

    /** The listed errors, in the order they were found. */
    public List<FieldError> listed() {
        return List.copyOf(listed);
    }

    /**
     * A rejection of {@code type}: the detail is {@code summary} followed by the number of errors, and how many
     * of them are listed when not all are.
     */
    public ProblemException reject(ProblemType type, String summary) {
        String count = total + " error" + (total == 1 ? "" : "s");
        String detail = summary + " (" + count + (total > listed.size() ? ", the first " + listed.size() + " listed" : "")
                + ")";
        return ProblemException.withErrors(type, detail, listed);
    }
}
