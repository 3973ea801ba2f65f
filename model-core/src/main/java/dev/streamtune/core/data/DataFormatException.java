package dev.streamtune.core.data;

import java.nio.file.Path;

/** A dataset file whose content does not follow its format; the message names the file and line. */
public final class DataFormatException extends RuntimeException {

    public DataFormatException(Path file, long line, String problem) {
        super(file + ":" + line + ": " + problem);
    }
}
