package io.gipc.sample.docs;

import static org.assertj.core.api.Assertions.assertThatNoException;

import io.gipc.LauncherConfig;
import io.gipc.ProcessLauncher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Runs the documentation's snippets that start children, so that they not only compile but work. */
@Timeout(120)
class DocSnippetsTests {

    @Test
    void readmeQuickStartRuns() {
        assertThatNoException().isThrownBy(DocSnippets::readmeQuickStart);
    }

    @Test
    void duplexSnippetRuns() {
        assertThatNoException().isThrownBy(DocSnippets::duplex);
    }

    @Test
    void handlesInsideObjectsMoveToTheChild() {
        assertThatNoException().isThrownBy(DocSnippets::handlesInsideObjects);
    }

    @Test
    void workerPoolSnippetsRun() {
        assertThatNoException().isThrownBy(DocSnippets::workerPools);
        assertThatNoException().isThrownBy(DocSnippets::workerPoolHandles);
    }

    @Test
    void workerPoolOptionsSnippetRuns() {
        try (ProcessLauncher launcher = ProcessLauncher.create(LauncherConfig.defaults())) {
            assertThatNoException().isThrownBy(() -> DocSnippets.workerPoolOptions(launcher));
        }
    }

    @Test
    void pipesSnippetRunsWithinOneProcess() {
        assertThatNoException().isThrownBy(DocSnippets::pipes);
    }
}
