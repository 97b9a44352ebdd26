package com.buildcrm.channel;

import java.util.List;
import java.util.Objects;

/**
 * One send of an approved WhatsApp message template (ADR 035): its name and language as approved by
 * Meta, and the values of its body placeholders {@code {{1}}, {{2}}, …} in order.
 *
 * @param name the template's name, e.g. {@code follow_up_1}
 * @param language the language code it was approved in, e.g. {@code ru} or {@code en_US}
 * @param bodyParameters the values of {@code {{1}}…{{n}}}, each a non-blank text
 */
public record TemplateCall(String name, String language, List<String> bodyParameters) {

    public TemplateCall {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(language, "language");
        bodyParameters = List.copyOf(bodyParameters);
    }
}
