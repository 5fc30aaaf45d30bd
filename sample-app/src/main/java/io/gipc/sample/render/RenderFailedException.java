package io.gipc.sample.render;

import org.springframework.http.HttpStatus;

/** A job that did not produce an image: its worker crashed, ran out of time or failed, or too many jobs wait. */
public class RenderFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final HttpStatus status;

    private final String title;

    RenderFailedException(HttpStatus status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    /**
     * Returns the HTTP status that answers the job.
     *
     * @return the status
     */
    public HttpStatus status() {
        return this.status;
    }

    /**
     * Returns a short summary of the failure.
     *
     * @return the summary
     */
    public String title() {
        return this.title;
    }
}
