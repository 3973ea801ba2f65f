package dev.streamtune.core.image;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Checks that an http(s) model URL answers before DJL downloads it (DJL's own download has no timeouts): an
 * unreachable host, a 404 or a server that does not answer within the timeout is a quick, clear error.
 */
public final class HttpProbe {

    private final Duration timeout;

    /** A probe that waits at most {@code timeout} for connection and response headers. */
    public HttpProbe(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * Sends a HEAD request to {@code uri}.
     *
     * @throws ModelLoadingException when the server cannot be reached, times out, or answers with an error status
     *     (a server that does not implement HEAD, 405 or 501, is let through)
     */
    public void check(URI uri) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpRequest head = HttpRequest.newBuilder(uri).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .timeout(timeout).build();
        int status;
        try {
            status = client.send(head, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (HttpTimeoutException e) {
            throw new ModelLoadingException("model URL " + uri + " did not answer within " + timeout.toMillis() + " ms", e);
        } catch (ConnectException e) {
            throw new ModelLoadingException("cannot connect to " + uri + ": connection refused", e);
        } catch (IOException e) {
            throw new ModelLoadingException("cannot reach model URL " + uri + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelLoadingException("interrupted while checking " + uri, e);
        }
        if (status == 404 || status == 410) {
            throw new ModelLoadingException("model not found at " + uri + " (HTTP " + status + ")");
        }
        if (status >= 400 && status != 405 && status != 501) {
            throw new ModelLoadingException("model URL " + uri + " answered HTTP " + status);
        }
    }
}
