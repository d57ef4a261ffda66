package com.techzone.examples.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A Jdbi statement with named parameters ({@code :name}, {@code :p.field}) turned into the same
 * statement for plain JDBC ({@code ?} in their place, {@code ::casts} kept), with the parameter
 * names in order: so hand-written JDBC runs exactly the SQL the DAO runs.
 *
 * @param jdbc the SQL with {@code ?} placeholders
 * @param names the parameter name of each placeholder, in order
 */
record NamedSql(String jdbc, List<String> names) {

    private static final Pattern PARAMETER = Pattern.compile("(?<!:):([A-Za-z_][A-Za-z0-9_.]*)");

    NamedSql {
        names = List.copyOf(names);
    }

    /**
     * Parses Jdbi SQL (comments as {@code --} lines are removed, like {@code ClasspathSqlLocator.removingComments()};
     * the library's {@code <schema>.} prefix becomes {@code public.}, the schema the benchmark's facade uses).
     */
    static NamedSql parse(String sql) {
        String text = sql.lines().filter(l -> !l.strip().startsWith("--")).collect(Collectors.joining("\n"))
                .replace("<schema>.", "public.");
        Matcher m = PARAMETER.matcher(text);
        StringBuilder out = new StringBuilder();
        List<String> names = new ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
            m.appendReplacement(out, "?");
        }
        m.appendTail(out);
        return new NamedSql(out.toString().strip(), names);
    }

    /** Parses the SQL file a class keeps next to it ({@code <package>/<Class>/<name>.sql}), as Jdbi's locator finds it. */
    static NamedSql resource(Class<?> owner, String name) {
        String path = "/" + owner.getName().replace('.', '/') + "/" + name + ".sql";
        try (InputStream in = owner.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("No SQL resource " + path);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 1-based placeholder positions of a parameter (it may appear more than once). */
    int[] positions(String name) {
        int[] found = new int[names.size()];
        int n = 0;
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equals(name)) {
                found[n++] = i + 1;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("No parameter :" + name + " in " + jdbc);
        }
        return java.util.Arrays.copyOf(found, n);
    }
}
