package com.techzone.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

    @Test
    void shouldEscapeQuotesBackslashesAndControlCharacters() {
        String json = JsonWriter.write("say \"hi\"\\ \n\t\r\b\f \u0001 \u2028 é €");

        assertThat(json.strip()).isEqualTo("\"say \\\"hi\\\"\\\\ \\n\\t\\r\\b\\f \\u0001 \\u2028 é €\"");
    }

    @Test
    void shouldKeepKeysInInsertionOrderAndIndent() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("b", 1);
        root.put("a", List.of(true, "x"));
        root.put("empty", Map.of());
        root.put("none", List.of());

        assertThat(JsonWriter.write(root)).isEqualTo("""
                {
                  "b": 1,
                  "a": [
                    true,
                    "x"
                  ],
                  "empty": {},
                  "none": []
                }
                """);
    }

    @Test
    void shouldWriteNumbersAndNulls() {
        List<Object> values = Arrays.asList(null, 42L, 2.5, 3.0, Double.NaN, Double.POSITIVE_INFINITY, -7);

        assertThat(JsonWriter.write(values).replaceAll("\\s", "")).isEqualTo("[null,42,2.5,3,null,null,-7]");
    }

    @Test
    void shouldEscapeKeysToo() {
        assertThat(JsonWriter.write(Map.of("a\"b", "c")).replaceAll("\\s", "")).isEqualTo("{\"a\\\"b\":\"c\"}");
    }

    @Test
    void shouldRefuseValuesItCannotWrite() {
        assertThatThrownBy(() -> JsonWriter.write(List.of(new Object())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.Object");
    }
}
