package dev.streamtune.ingest.service;

import dev.streamtune.ingest.problem.ErrorList;
import dev.streamtune.ingest.problem.FieldError;
import dev.streamtune.ingest.validation.EntryRef;
import java.util.HashMap;
import java.util.Map;

/** The client-chosen sample ids of one request, each of which may appear once. */
final class ClientIds {

    private final Map<String, EntryRef> seen = new HashMap<>();

    /** Claims {@code id} for the entry {@code at}; records an error and returns {@code false} if it was taken. */
    boolean claim(String id, EntryRef at, ErrorList errors) {
        if (id == null) {
            return true;
        }
        EntryRef first = seen.putIfAbsent(id, at);
        if (first == null) {
            return true;
        }
        errors.add(taken(id, at, first));
        return false;
    }

    /** The error of entry {@code at}, whose {@code id} is already the id of entry {@code first}. */
    static FieldError taken(String id, EntryRef at, EntryRef first) {
        String where = first.line() != null ? "line " + first.line() : "index " + first.index();
        return at.error("id", "'" + id + "' is already the id of the sample at " + where);
    }
}
