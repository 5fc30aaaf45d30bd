package io.gipc.sample.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks that every Java snippet in the README and the guide is mirrored in {@link DocSnippets} or
 * {@link SpringSnippets}, which the build compiles: each line of a snippet must appear there, in the same order
 * (indentation aside).
 */
class DocSnippetsMirrorTests {

    private static final Path ROOT = Path.of("..");

    private static final Path SNIPPETS = Path.of("src/test/java/io/gipc/sample/docs");

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    @ParameterizedTest
    @ValueSource(strings = {"README.md", "docs/guide.md"})
    void everyJavaSnippetIsCompiledAsATestSource(String document) throws IOException {
        List<String> compiled = new ArrayList<>();
        compiled.addAll(lines(Files.readString(SNIPPETS.resolve("DocSnippets.java"))));
        compiled.addAll(lines(Files.readString(SNIPPETS.resolve("SpringSnippets.java"))));
        Matcher blocks = JAVA_BLOCK.matcher(Files.readString(ROOT.resolve(document)));
        int count = 0;
        while (blocks.find()) {
            count++;
            List<String> snippet = lines(blocks.group(1));
            assertThat(missingLine(snippet, compiled))
                    .as(
                            "%s, snippet %d, is not mirrored in DocSnippets or SpringSnippets:%n%s",
                            document, count, blocks.group(1))
                    .isNull();
        }
        assertThat(count).as("Java snippets in " + document).isPositive();
    }

    /** Returns the first line of {@code snippet} not found, in order, in {@code compiled}, or {@code null}. */
    private static String missingLine(List<String> snippet, List<String> compiled) {
        int at = 0;
        for (String line : snippet) {
            while (at < compiled.size() && !compiled.get(at).equals(line)) {
                at++;
            }
            if (at == compiled.size()) {
                return line;
            }
            at++;
        }
        return null;
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
