package com.buildcrm.web;

import com.buildcrm.json.Jsonp;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.List;

/**
 * Every JSON request body bound to a class (or to JSON-P) passes {@link JsonBodyCheck} first: a NUL
 * character anywhere or a value of the wrong JSON type is a 400 problem naming the field. Bodies
 * read raw ({@code InputStream}, {@code byte[]}, {@code String}: the webhooks) are left alone, and
 * so is JSON that does not parse (JSON-B answers that as a malformed body, as before). The body is
 * already bounded by {@link BodySizeLimitFilter}.
 */
@Provider
public class JsonBodyInterceptor implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!isJson(context.getMediaType()) || isRaw(context.getType())) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        context.setInputStream(new ByteArrayInputStream(body));
        if (body.length == 0) {
            return context.proceed();
        }
        JsonValue parsed;
        try (JsonReader reader = Jsonp.createReader(new ByteArrayInputStream(body))) {
            parsed = reader.readValue();
        } catch (RuntimeException e) {
            return context.proceed();
        }
        List<FieldError> errors = JsonBodyCheck.check(parsed, context.getGenericType());
        if (!errors.isEmpty()) {
            throw ApiProblem.badRequest("The request has invalid fields", errors);
        }
        return context.proceed();
    }

    private static boolean isJson(MediaType type) {
        return type != null
                && (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)
                        || type.getSubtype().endsWith("+json"));
    }

    private static boolean isRaw(Class<?> type) {
        return InputStream.class.isAssignableFrom(type)
                || Reader.class.isAssignableFrom(type)
                || type == byte[].class
                || type == String.class;
    }
}
