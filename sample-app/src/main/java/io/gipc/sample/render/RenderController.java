package io.gipc.sample.render;

import io.gipc.GipcException;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/render}: renders a view of the Mandelbrot set on a worker of the {@code render} pool and answers
 * with a PNG, or with a problem detail ({@code application/problem+json}) when the job failed. Not part of the
 * examples (profile {@code example}), which have no render pool.
 */
@RestController
@Profile("!example")
class RenderController {

    private final RenderService service;

    RenderController(RenderService service) {
        this.service = service;
    }

    @GetMapping("/api/render")
    ResponseEntity<byte[]> render(
            @RequestParam(defaultValue = "640") int width,
            @RequestParam(defaultValue = "480") int height,
            @RequestParam(defaultValue = "-0.75") double centerX,
            @RequestParam(defaultValue = "0") double centerY,
            @RequestParam(defaultValue = "3.5") double scale,
            @RequestParam(defaultValue = "500") int maxIterations,
            @RequestParam(defaultValue = "-1") int crashAtRow) {
        RenderJob job = new RenderJob(width, height, centerX, centerY, scale, maxIterations, crashAtRow);
        RenderedImage image = this.service.render(job);
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_PNG)
                .header("X-Render-Worker", image.worker())
                .header("X-Render-Worker-Jobs", Long.toString(image.workerJobs()))
                .header("X-Render-Worker-Cpu-Millis", Long.toString(image.workerCpuMillis()))
                .header("X-Render-Millis", Long.toString(image.millis()))
                .body(image.png());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> failed(RenderFailedException ex) {
        return problem(ex.status(), ex.title(), ex.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> badJob(IllegalArgumentException ex) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid render job", ex.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> workerFailed(GipcException ex) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Render worker failed", ex.getMessage());
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
