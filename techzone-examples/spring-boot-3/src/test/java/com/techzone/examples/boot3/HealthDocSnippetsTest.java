package com.techzone.examples.boot3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/health.md shows exactly the code this compiled, tested application runs: every snippet
 * between tag markers in its sources, verbatim (the same mechanism as docs/usage.md's test).
 */
class HealthDocSnippetsTest {

    private static final Path SOURCES = Path.of("src/main/java/com/techzone/examples/boot3");
    private static final Path DOC = Path.of("..", "..", "docs", "health.md");
    private static final Pattern TAGGED = Pattern.compile(
            "// tag::([a-z-]+)\\[]\\n(.*?)\\n\\s*// end::\\1\\[]", Pattern.DOTALL);

    @Test
    void shouldShowEveryTaggedSnippetVerbatimInTheHealthDoc() throws IOException {
        Map<String, String> snippets = new LinkedHashMap<>();
        snippets.putAll(snippets(Files.readString(SOURCES.resolve("TechzoneConfiguration.java"))));
        snippets.putAll(snippets(Files.readString(SOURCES.resolve("TechzoneHealthIndicator.java"))));
        String doc = Files.readString(DOC);

        assertThat(snippets).containsOnlyKeys("techzone-beans", "health-indicator");
        snippets.forEach((name, code) ->
                assertThat(doc).as("snippet %s in docs/health.md", name).contains("Snippet `" + name + "`").contains(code));
    }

    private static Map<String, String> snippets(String source) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = TAGGED.matcher(source);
        while (m.find()) {
            out.put(m.group(1), dedent(m.group(2)));
        }
        return out;
    }

    private static String dedent(String block) {
        List<String> lines = block.lines().toList();
        int indent = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return String.join("\n", lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList());
    }
}
