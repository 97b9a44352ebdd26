package com.buildcrm.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonBodyCheckTest {

    /** A request class shaped like the API's (public annotated fields). */
    public static final class Patch {
        public String name;
        public Boolean aiEnabled;
        public boolean flag;
        public Long stageId;
        public BigDecimal temperature;
        public Map<String, Object> fields;
        public Map<String, String> settings;
        public List<Long> ids;
        public List<Step> steps;
        public Inner inner;
        public JsonObject free;
    }

    /** A nested request class. */
    public static final class Inner {
        public String email;
    }

    /** A list element. */
    public static final class Step {
        public int delayMinutes;
        public String text;
    }

    @Test
    void wellTypedBodiesPass() {
        assertThat(
                        check(
                                "{\"name\":\"Айгерим\",\"aiEnabled\":false,\"flag\":true,\"stageId\":3,"
                                        + "\"temperature\":0.7,\"fields\":{\"city\":\"Алматы\",\"length_m\":10,"
                                        + "\"x\":true,\"y\":null},\"settings\":{\"k\":\"v\"},\"ids\":[1,2],"
                                        + "\"steps\":[{\"delayMinutes\":15,\"text\":\"t\"}],"
                                        + "\"inner\":{\"email\":\"a@b.kz\"},\"free\":{\"any\":[1,\"x\"]},"
                                        + "\"unknown\":123}",
                                Patch.class))
                .isEmpty();
        assertThat(check("{\"name\":null,\"aiEnabled\":null,\"ids\":null}", Patch.class)).isEmpty();
    }

    @Test
    void wrongTypesAreNamed() {
        assertThat(check("{\"aiEnabled\":\"yes\"}", Patch.class))
                .containsExactly(new FieldError("aiEnabled", "must be true or false"));
        assertThat(check("{\"flag\":1}", Patch.class))
                .containsExactly(new FieldError("flag", "must be true or false"));
        assertThat(check("{\"stageId\":\"12\"}", Patch.class))
                .containsExactly(new FieldError("stageId", "must be a number"));
        assertThat(check("{\"name\":12}", Patch.class))
                .containsExactly(new FieldError("name", "must be a string"));
        assertThat(check("{\"ids\":[1,\"two\"]}", Patch.class))
                .containsExactly(new FieldError("ids[1]", "must be a number"));
        assertThat(check("{\"steps\":[{\"delayMinutes\":\"5\"}]}", Patch.class))
                .containsExactly(new FieldError("steps[0].delayMinutes", "must be a number"));
        assertThat(check("{\"inner\":\"a@b\"}", Patch.class))
                .containsExactly(new FieldError("inner", "must be an object"));
        assertThat(check("{\"settings\":{\"k\":1}}", Patch.class))
                .containsExactly(new FieldError("settings.k", "must be a string"));
        assertThat(check("[1]", Patch.class))
                .containsExactly(new FieldError("", "must be an object"));
    }

    @Test
    void nulAnywhereIsNamed() {
        String nul = JsonBodyCheck.NUL_MESSAGE;
        assertThat(check("{\"name\":\"a\\u0000b\"}", Patch.class))
                .containsExactly(new FieldError("name", nul));
        assertThat(check("{\"fields\":{\"city\":\"\\u0000\"}}", Patch.class))
                .containsExactly(new FieldError("fields.city", nul));
        assertThat(check("{\"steps\":[{\"text\":\"ok\"},{\"text\":\"x\\u0000\"}]}", Patch.class))
                .containsExactly(new FieldError("steps[1].text", nul));
        assertThat(check("{\"free\":{\"deep\":[\"\\u0000\"]}}", Patch.class))
                .containsExactly(new FieldError("free.deep[0]", nul));
        assertThat(check("{\"unknown\":{\"a\":\"\\u0000\"}}", Patch.class))
                .containsExactly(new FieldError("unknown.a", nul));
        assertThat(check("{\"fields\":{\"ci\\u0000ty\":1}}", Patch.class)).hasSize(1);
        // JSON-P bodies (no class to bind): NUL is still found
        assertThat(check("{\"steps\":[{\"text\":\"\\u0000\"}]}", JsonObject.class))
                .containsExactly(new FieldError("steps[0].text", nul));
    }

    private static List<FieldError> check(String json, Type type) {
        try (var reader = Json.createReader(new StringReader(json))) {
            JsonValue value = reader.readValue();
            return JsonBodyCheck.check(value, type);
        }
    }
}
