package com.buildcrm.web;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a parsed JSON request body against the class it is about to be bound to, before JSON-B
 * sees it, and names every offending field the way problems do ({@code owner.email}, {@code
 * steps[0].text}):
 *
 * <ul>
 *   <li>no string (value or member name) anywhere may contain a NUL character — PostgreSQL cannot
 *       store one in text or jsonb;
 *   <li>a field's JSON type must be the one its Java type reads: {@code true}/{@code false} for
 *       booleans, a number for numbers, a string for strings and enums, an array for lists, an
 *       object for maps and nested request classes. JSON-B would otherwise coerce ({@code "yes"}
 *       read as {@code false}, {@code "12"} as 12). {@code null} is always accepted here (Bean
 *       Validation decides about required fields); free-form values ({@code Object}, {@code
 *       JsonValue}) are only checked for NUL.
 * </ul>
 *
 * A pure function; {@link JsonBodyInterceptor} applies it to every JSON body.
 */
public final class JsonBodyCheck {

    static final String NUL_MESSAGE = "must not contain NUL characters";

    private static final Set<Class<?>> NUMBERS =
            Set.of(
                    int.class,
                    long.class,
                    short.class,
                    byte.class,
                    double.class,
                    float.class,
                    Integer.class,
                    Long.class,
                    Short.class,
                    Byte.class,
                    Double.class,
                    Float.class,
                    BigDecimal.class,
                    BigInteger.class,
                    Number.class);

    private JsonBodyCheck() {}

    /**
     * The problems of {@code body} as a value of {@code target}; empty when it may be bound.
     *
     * @param target the declared (generic) type of the resource method's body parameter
     */
    public static List<FieldError> check(JsonValue body, Type target) {
        List<FieldError> errors = new ArrayList<>();
        check(body, target, "", errors);
        return errors;
    }

    /** True when the text contains a NUL character. */
    public static boolean hasNul(String s) {
        return s != null && s.indexOf('\u0000') >= 0;
    }

    private static void check(JsonValue value, Type type, String path, List<FieldError> errors) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return;
        }
        Class<?> raw = raw(type);
        String expected = expected(raw);
        if (expected != null && !matches(value, raw)) {
            errors.add(new FieldError(path, "must be " + expected));
            return;
        }
        switch (value.getValueType()) {
            case STRING -> {
                if (hasNul(((JsonString) value).getString())) {
                    errors.add(new FieldError(path, NUL_MESSAGE));
                }
            }
            case ARRAY -> {
                Type element = elementType(type);
                JsonArray array = value.asJsonArray();
                for (int i = 0; i < array.size(); i++) {
                    check(array.get(i), element, path + "[" + i + "]", errors);
                }
            }
            case OBJECT -> {
                JsonObject object = value.asJsonObject();
                for (Map.Entry<String, JsonValue> member : object.entrySet()) {
                    String name = member.getKey();
                    String at = path.isEmpty() ? name : path + "." + name;
                    if (hasNul(name)) {
                        errors.add(new FieldError(at, NUL_MESSAGE));
                        continue;
                    }
                    check(member.getValue(), memberType(type, raw, name), at, errors);
                }
            }
            default -> {}
        }
    }

    /** What the JSON must be for this Java type, or null when anything goes. */
    private static String expected(Class<?> raw) {
        if (raw == null || raw == Object.class || JsonValue.class.isAssignableFrom(raw)) {
            return null;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return "true or false";
        }
        if (NUMBERS.contains(raw)) {
            return "a number";
        }
        if (raw == String.class || raw == char.class || raw == Character.class || raw.isEnum()) {
            return "a string";
        }
        if (raw.isArray() || Collection.class.isAssignableFrom(raw)) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(raw) || isRequestClass(raw)) {
            return "an object";
        }
        return null; // dates, ids and the like: JSON-B parses them and says if it cannot
    }

    private static boolean matches(JsonValue value, Class<?> raw) {
        JsonValue.ValueType t = value.getValueType();
        if (raw == boolean.class || raw == Boolean.class) {
            return t == JsonValue.ValueType.TRUE || t == JsonValue.ValueType.FALSE;
        }
        if (NUMBERS.contains(raw)) {
            return t == JsonValue.ValueType.NUMBER;
        }
        if (raw == String.class || raw == char.class || raw == Character.class || raw.isEnum()) {
            return t == JsonValue.ValueType.STRING;
        }
        if (raw.isArray() || Collection.class.isAssignableFrom(raw)) {
            return t == JsonValue.ValueType.ARRAY;
        }
        return t == JsonValue.ValueType.OBJECT;
    }

    /** Our own request classes (public fields or record components), bound member by member. */
    private static boolean isRequestClass(Class<?> raw) {
        return raw.getName().startsWith("com.buildcrm.")
                && !raw.isEnum()
                && !raw.isInterface()
                && !raw.isArray();
    }

    private static Type memberType(Type type, Class<?> raw, String name) {
        if (raw == null) {
            return null;
        }
        if (Map.class.isAssignableFrom(raw)) {
            return typeArgument(type, 1);
        }
        if (!isRequestClass(raw)) {
            return null;
        }
        if (raw.isRecord()) {
            for (RecordComponent c : raw.getRecordComponents()) {
                if (c.getName().equals(name)) {
                    return c.getGenericType();
                }
            }
            return null;
        }
        for (Field f : raw.getFields()) {
            if (f.getName().equals(name) && !Modifier.isStatic(f.getModifiers())) {
                return f.getGenericType();
            }
        }
        return null; // unknown members are ignored by JSON-B; only NUL matters for them
    }

    private static Type elementType(Type type) {
        Class<?> raw = raw(type);
        if (raw != null && raw.isArray()) {
            return type instanceof GenericArrayType g
                    ? g.getGenericComponentType()
                    : raw.getComponentType();
        }
        return typeArgument(type, 0);
    }

    private static Type typeArgument(Type type, int index) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            return p.getActualTypeArguments()[index];
        }
        return null;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        if (type instanceof GenericArrayType g) {
            Class<?> component = raw(g.getGenericComponentType());
            return component == null ? null : component.arrayType();
        }
        if (type instanceof WildcardType w && w.getUpperBounds().length == 1) {
            return raw(w.getUpperBounds()[0]);
        }
        return null; // type variables: anything goes
    }
}
