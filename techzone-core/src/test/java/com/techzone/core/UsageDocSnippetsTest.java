package com.techzone.core;

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

/** docs/usage.md shows exactly the code that {@link UsageDocExamplesTest} compiles and runs. */
class UsageDocSnippetsTest {

    private static final Path EXAMPLES = Path.of("src/test/java/com/techzone/core/UsageDocExamplesTest.java");
    private static final Path DOC = Path.of("..", "docs", "usage.md");
    private static final Pattern TAGGED = Pattern.compile(
            "// tag::([a-z-]+)\\[]\\n(.*?)\\n\\s*// end::\\1\\[]", Pattern.DOTALL);

    @Test
    void shouldShowEveryTaggedSnippetVerbatimInTheUsageDoc() throws IOException {
        Map<String, String> snippets = snippets(Files.readString(EXAMPLES));
        String doc = Files.readString(DOC);

        assertThat(snippets).containsKeys("facade", "schema", "checkout", "host-transaction", "pagination", "errors",
                "bulk-import", "commerce-rules", "accounts", "categories", "products", "services", "carts", "orders",
                "bookings", "reviews", "contacts", "reports", "inventory", "own-pool",
                "read-replicas");
        snippets.forEach((name, code) ->
                assertThat(doc).as("snippet %s in docs/usage.md", name).contains("Snippet `" + name + "`").contains(code));
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
