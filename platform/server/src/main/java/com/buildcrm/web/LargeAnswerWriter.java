package com.buildcrm.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Writes a {@link LargeAnswer} (records of strings, numbers, booleans, dates, lists and maps) with
 * Jackson, in the bytes JSON-B (Yasson) would write: properties in lexicographic order, a null
 * property left out, a null inside a map or a list written, dates in ISO-8601 with their offset,
 * text beyond ASCII (emoji too) as UTF-8. The one difference: a control character without a short
 * escape gets upper-case hex digits where Yasson writes lower-case ones ({@code 001F}, {@code
 * 001f}), the same string to every JSON parser; matching Yasson's case would send every string down
 * Jackson's slower custom-escape path. {@code LargeAnswerWriterTest} holds the two writers to that.
 *
 * <p>Why (ADR 053): on the board, JSON-B was a third of the HTTP threads' samples. Yasson keeps
 * every object it is writing in a {@code HashSet} to detect cycles, and a record's {@code hashCode}
 * walks all its components, so a board's 140 cards were hashed over about three times. Jackson
 * writes the same board about 40 % faster. Every other answer (and every request body) stays with
 * JSON-B.
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class LargeAnswerWriter implements MessageBodyWriter<LargeAnswer> {

    /** Shared and thread-safe once built. */
    static final ObjectWriter JSON =
            JsonMapper.builder()
                    .addModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                    .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                    .defaultPropertyInclusion(
                            JsonInclude.Value.construct(
                                    JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS))
                    .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                    // an emoji as its UTF-8 bytes, not as two escaped surrogates
                    .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
                    .build()
                    .writer();

    @Override
    public boolean isWriteable(
            Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return LargeAnswer.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(
            LargeAnswer answer,
            Class<?> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, Object> headers,
            OutputStream out)
            throws IOException {
        JSON.writeValue(out, answer);
    }
}
