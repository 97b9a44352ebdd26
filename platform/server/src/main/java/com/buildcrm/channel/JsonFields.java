package com.buildcrm.channel;

import com.buildcrm.json.Jsonp;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.util.Optional;

/**
 * Lenient reads of provider JSON: a field that is missing or of an unexpected type reads as absent
 * instead of throwing, because provider payloads are only partly known.
 */
public final class JsonFields {

    private JsonFields() {}

    /** The JSON value of a body, or empty when it is blank or not JSON. */
    public static Optional<JsonValue> parse(byte[] body) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        try (JsonReader reader = Jsonp.createReader(new ByteArrayInputStream(body))) {
            return Optional.of(reader.readValue());
        } catch (RuntimeException e) { // JsonException, JsonParsingException, encoding problems
            return Optional.empty();
        }
    }

    public static Optional<JsonValue> parse(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try (JsonReader reader = Jsonp.createReader(new StringReader(body))) {
            return Optional.of(reader.readValue());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    public static JsonObject object(JsonValue value) {
        return value instanceof JsonObject object ? object : null;
    }

    public static JsonObject object(JsonObject parent, String name) {
        return parent == null ? null : object(parent.get(name));
    }

    public static JsonArray array(JsonObject parent, String name) {
        return parent != null && parent.get(name) instanceof JsonArray array ? array : null;
    }

    /** A string field, or a number field as its text; null otherwise. */
    public static String string(JsonObject parent, String name) {
        if (parent == null) {
            return null;
        }
        JsonValue value = parent.get(name);
        if (value instanceof JsonString string) {
            return string.getString();
        }
        if (value instanceof JsonNumber number) {
            return number.toString();
        }
        return null;
    }

    /** A whole number, from a number or a numeric string; null otherwise. */
    public static Long number(JsonObject parent, String name) {
        if (parent == null) {
            return null;
        }
        JsonValue value = parent.get(name);
        try {
            if (value instanceof JsonNumber number) {
                return number.bigDecimalValue().longValue();
            }
            if (value instanceof JsonString string) {
                return Long.parseLong(string.getString().strip());
            }
        } catch (RuntimeException e) {
            return null;
        }
        return null;
    }

    public static Double decimal(JsonObject parent, String name) {
        if (parent == null) {
            return null;
        }
        JsonValue value = parent.get(name);
        try {
            if (value instanceof JsonNumber number) {
                return number.doubleValue();
            }
            if (value instanceof JsonString string) {
                return Double.parseDouble(string.getString().strip());
            }
        } catch (RuntimeException e) {
            return null;
        }
        return null;
    }

    /** True only for JSON {@code true} (or the string "true"). */
    public static boolean isTrue(JsonObject parent, String name) {
        if (parent == null) {
            return false;
        }
        JsonValue value = parent.get(name);
        return value != null && value.getValueType() == JsonValue.ValueType.TRUE
                || value instanceof JsonString string
                        && "true".equalsIgnoreCase(string.getString());
    }
}
