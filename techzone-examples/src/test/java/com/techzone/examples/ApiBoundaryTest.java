package com.techzone.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The boundary of the public API, enforced by the build in place of a module-info (the library is
 * used on the class path of hosts such as Spring Boot, where module-info would not apply): a package
 * named {@code internal} belongs to its module alone.
 * <ul>
 *   <li>no public or protected member of a public type outside an {@code internal} package names an
 *       internal type (parameters, results, fields, exceptions, type arguments, supertypes): the DAOs and
 *       workflows are public interfaces whose implementations are internal, so only the facade makes
 *       them, and no public constructor takes an internal type;</li>
 *   <li>no source file, main or test, imports another module's internal package;</li>
 *   <li>no test class of {@code techzone-core} or {@code techzone-examples} (its Spring Boot hosts
 *       included) outside an {@code internal} package imports or names an internal class: a test of
 *       internal code sits beside it, in the internal package; the others use the API.</li>
 * </ul>
 */
class ApiBoundaryTest {

    private static final List<String> MODULES = List.of("techzone-migrations", "techzone-core", "techzone-health",
            "techzone-examples");
    /** The internal package root each module owns. */
    private static final Map<String, String> INTERNAL_ROOT = Map.of(
            "techzone-migrations", "com.techzone.migrations.internal",
            "techzone-core", "com.techzone.core.internal",
            "techzone-health", "com.techzone.health.internal",
            "techzone-examples", "com.techzone.examples.internal");
    /** The test source trees whose classes outside an {@code internal} package must use the API only. */
    private static final List<String> API_ONLY_TEST_TREES = List.of("techzone-core/src/test/java",
            "techzone-examples/src/test/java", "techzone-examples/spring-boot-3/src/test/java",
            "techzone-examples/spring-boot-4/src/test/java");
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([a-z0-9_.]+)\\s*;", Pattern.MULTILINE);
    /** An import of, or a qualified name for, a class of an internal package. */
    private static final Pattern INTERNAL_REFERENCE = Pattern.compile("\\bcom\\.techzone\\.[a-z0-9_.]*internal\\.[A-Za-z_*]");
    private static final Pattern INTERNAL_IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?(com\\.techzone\\.[a-z.]*internal)\\b",
            Pattern.MULTILINE);

    @Test
    void shouldExposeNoInternalTypeInThePublicApi() throws Exception {
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : publicApiTypes()) {
            check(leaks, type, "extends", type.getGenericSuperclass());
            for (Type implemented : type.getGenericInterfaces()) {
                check(leaks, type, "implements", implemented);
            }
            for (Method m : type.getDeclaredMethods()) {
                if (visible(m) && !m.isSynthetic() && !m.isBridge()) {
                    check(leaks, m, "returns", m.getGenericReturnType());
                    for (Type p : m.getGenericParameterTypes()) {
                        check(leaks, m, "takes", p);
                    }
                    for (Type e : m.getGenericExceptionTypes()) {
                        check(leaks, m, "throws", e);
                    }
                }
            }
            for (Constructor<?> c : type.getDeclaredConstructors()) {
                if (visible(c) && !c.isSynthetic()) {
                    for (Type p : c.getGenericParameterTypes()) {
                        check(leaks, c, "takes", p);
                    }
                }
            }
            for (Field f : type.getDeclaredFields()) {
                if (visible(f)) {
                    check(leaks, f, "is a", f.getGenericType());
                }
            }
        }
        assertThat(leaks).as("public API members naming internal types").isEmpty();
    }

    @Test
    void shouldImportNoOtherModulesInternalPackages() throws IOException {
        List<String> trespasses = new ArrayList<>();
        Path root = Path.of("").toAbsolutePath().getParent();
        for (String module : MODULES) {
            for (String tree : List.of("src/main/java", "src/test/java")) {
                Path sources = root.resolve(module).resolve(tree);
                if (!Files.isDirectory(sources)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(sources)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                        Matcher m = INTERNAL_IMPORT.matcher(Files.readString(file));
                        while (m.find()) {
                            if (!m.group(1).startsWith(INTERNAL_ROOT.get(module))) {
                                trespasses.add(root.relativize(file) + " imports " + m.group(1));
                            }
                        }
                    }
                }
            }
        }
        assertThat(root.resolve("techzone-core/src/main/java")).as("the other modules' sources are beside this one").isDirectory();
        assertThat(trespasses).isEmpty();
    }

    @Test
    void shouldKeepTestsOutsideInternalPackagesOffInternalClasses() throws IOException {
        List<String> trespasses = new ArrayList<>();
        Path root = Path.of("").toAbsolutePath().getParent();
        int scanned = 0;
        for (String tree : API_ONLY_TEST_TREES) {
            Path sources = root.resolve(tree);
            if (!Files.isDirectory(sources)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    scanned++;
                    String text = Files.readString(file);
                    Matcher pkg = PACKAGE.matcher(text);
                    String packageName = pkg.find() ? pkg.group(1) : "";
                    if (packageName.contains(".internal")) {
                        continue;
                    }
                    String[] lines = text.split("\\R");
                    for (int i = 0; i < lines.length; i++) {
                        Matcher m = INTERNAL_REFERENCE.matcher(lines[i]);
                        if (m.find()) {
                            trespasses.add(root.relativize(file) + ":" + (i + 1) + " (package " + packageName + ") "
                                    + lines[i].strip());
                        }
                    }
                }
            }
        }
        assertThat(scanned).as("test sources of techzone-core and techzone-examples found beside this module")
                .isGreaterThan(50);
        assertThat(trespasses).isEmpty();
    }

    /** Every public class, interface, record and enum of the library outside the internal packages. */
    private static Set<Class<?>> publicApiTypes() throws IOException, URISyntaxException, ClassNotFoundException {
        Set<String> names = new TreeSet<>();
        List<String> entries = new ArrayList<>();
        for (URL url : Collections.list(ApiBoundaryTest.class.getClassLoader().getResources("com/techzone"))) {
            if ("jar".equals(url.getProtocol())) {               // a module's jar (a reactor build at verify)
                try (java.util.jar.JarFile jar = ((java.net.JarURLConnection) url.openConnection()).getJarFile()) {
                    jar.stream().map(java.util.jar.JarEntry::getName).forEach(entries::add);
                }
            } else if ("file".equals(url.getProtocol())) {       // a module's classes directory
                Path base = Path.of(url.toURI()).getParent().getParent();
                if (base.toString().contains("test-classes")) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(base.resolve("com/techzone"))) {
                    files.map(f -> base.relativize(f).toString().replace('\\', '/')).forEach(entries::add);
                }
            }
        }
        entries.stream()
                .filter(e -> e.startsWith("com/techzone/") && e.endsWith(".class") && !e.contains("$"))
                .map(e -> e.substring(0, e.length() - ".class".length()).replace('/', '.'))
                .filter(n -> !n.contains(".internal.") && !n.startsWith("com.techzone.examples")
                        && !n.startsWith("com.techzone.testing"))
                .forEach(names::add);
        assertThat(names).as("classes of the library found on the test class path")
                .contains("com.techzone.core.Techzone", "com.techzone.health.TechzoneHealth",
                        "com.techzone.migrations.TechzoneMigrations");
        Set<Class<?>> types = new java.util.LinkedHashSet<>();
        for (String name : names) {
            Class<?> type = Class.forName(name, false, ApiBoundaryTest.class.getClassLoader());
            if (Modifier.isPublic(type.getModifiers())) {
                types.add(type);
                for (Class<?> nested : type.getDeclaredClasses()) {
                    if (Modifier.isPublic(nested.getModifiers())) {
                        types.add(nested);
                    }
                }
            }
        }
        return types;
    }

    private static boolean visible(Member member) {
        return Modifier.isPublic(member.getModifiers()) || Modifier.isProtected(member.getModifiers());
    }

    private static void check(List<String> leaks, Object where, String how, Type type) {
        if (type == null) {
            return;
        }
        if (type instanceof Class<?> c) {
            Class<?> element = c;
            while (element.isArray()) {
                element = element.getComponentType();
            }
            if (element.getName().startsWith("com.techzone.") && element.getName().contains(".internal.")) {
                leaks.add(where + " " + how + " " + element.getName());
            }
        } else if (type instanceof ParameterizedType p) {
            check(leaks, where, how, p.getRawType());
            for (Type argument : p.getActualTypeArguments()) {
                check(leaks, where, how, argument);
            }
        } else if (type instanceof GenericArrayType a) {
            check(leaks, where, how, a.getGenericComponentType());
        } else if (type instanceof WildcardType w) {
            for (Type bound : w.getUpperBounds()) {
                check(leaks, where, how, bound);
            }
            for (Type bound : w.getLowerBounds()) {
                check(leaks, where, how, bound);
            }
        }
    }
}
