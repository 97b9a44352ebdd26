package com.buildcrm.ai.llm;

import com.buildcrm.brain.Action;
import com.buildcrm.brain.InvalidActionException;
import com.buildcrm.brain.Temperature;
import com.buildcrm.json.Jsonp;
import com.buildcrm.plugin.api.QualificationField;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tools the LLM may call, described by hand as JSON schemas, and the translation of its tool
 * calls into {@link Action}s. Nothing is executed here: a tool call is only a proposal the core
 * validates. Unknown tools, unparsable arguments and wrong argument types throw {@link
 * InvalidActionException} (the turn falls back to the rule brain).
 */
final class LlmTools {

    static final String REPLY = "reply";
    static final String SAVE_FIELDS = "save_fields";
    static final String REQUEST_CALL = "request_call";
    static final String SET_TEMPERATURE = "set_temperature";
    static final String NOT_INTERESTED = "not_interested";
    static final String HAND_OFF = "hand_off";
    static final String SEND_GREETING_STEP = "send_greeting_step";
    static final String ASKED_FIELD = "asked_field";

    private LlmTools() {}

    /** The tool descriptions for this pack's schema and the tenant's greeting chain. */
    static List<ToolSpecification> specifications(
            List<QualificationField> schema, int greetingStepCount) {
        List<ToolSpecification> tools = new ArrayList<>();
        tools.add(
                tool(
                        REPLY,
                        "Send one WhatsApp message to the client. Call it once per message; keep"
                                + " messages short.",
                        JsonObjectSchema.builder()
                                .addStringProperty("text", "the message text")
                                .required("text")
                                .build()));
        JsonObjectSchema.Builder fields = JsonObjectSchema.builder();
        for (QualificationField f : schema) {
            fields.addProperty(f.key(), fieldSchema(f));
        }
        tools.add(
                tool(
                        SAVE_FIELDS,
                        "Save qualification values the client stated clearly. Keys and types are"
                                + " fixed by the schema; never guess.",
                        JsonObjectSchema.builder()
                                .addProperty(
                                        "fields",
                                        fields.additionalProperties(false)
                                                .description("field key → value")
                                                .build())
                                .required("fields")
                                .build()));
        tools.add(
                tool(
                        REQUEST_CALL,
                        "The client wants a phone call (or agreed to one). Pass what is known.",
                        JsonObjectSchema.builder()
                                .addStringProperty("name", "the client's name, if known")
                                .addStringProperty(
                                        "preferred_time", "when the client wants the call, if said")
                                .build()));
        tools.add(
                tool(
                        SET_TEMPERATURE,
                        "Rate the lead: HOT (ready, data complete, wants to talk), WARM"
                                + " (interested), COLD (not now).",
                        JsonObjectSchema.builder()
                                .addEnumProperty(
                                        "temperature",
                                        Arrays.stream(Temperature.values())
                                                .map(Enum::name)
                                                .toList())
                                .addStringProperty("reason", "why, in one short sentence")
                                .required("temperature", "reason")
                                .build()));
        tools.add(
                tool(
                        NOT_INTERESTED,
                        "The client clearly said they are not interested.",
                        JsonObjectSchema.builder()
                                .addStringProperty("reason", "what the client said")
                                .required("reason")
                                .build()));
        tools.add(
                tool(
                        HAND_OFF,
                        "Hand the conversation to a human manager (complaint, complex question,"
                                + " the client insists on a person).",
                        JsonObjectSchema.builder()
                                .addStringProperty("reason", "why a person is needed")
                                .required("reason")
                                .build()));
        if (greetingStepCount > 0) {
            tools.add(
                    tool(
                            SEND_GREETING_STEP,
                            "Send step number `index` (0-based, 0.."
                                    + (greetingStepCount - 1)
                                    + ") of the company's greeting materials again, e.g. the"
                                    + " photo album.",
                            JsonObjectSchema.builder()
                                    .addIntegerProperty("index", "0-based step index")
                                    .required("index")
                                    .build()));
        }
        tools.add(
                tool(
                        ASKED_FIELD,
                        "Say which qualification field your reply asks for, so a bare answer"
                                + " (\"12\", \"yes\") is understood next turn.",
                        JsonObjectSchema.builder()
                                .addEnumProperty(
                                        "key",
                                        schema.stream().map(QualificationField::key).toList())
                                .required("key")
                                .build()));
        return List.copyOf(tools);
    }

    /** The actions of one assistant message: its text (if any) as a reply, then its tool calls. */
    static List<Action> actions(AiMessage message) {
        List<Action> actions = new ArrayList<>();
        String text = message.text();
        if (text != null && !text.isBlank()) {
            actions.add(new Action.Reply(text.strip()));
        }
        if (message.hasToolExecutionRequests()) {
            for (ToolExecutionRequest call : message.toolExecutionRequests()) {
                actions.add(action(call.name(), call.arguments()));
            }
        }
        if (actions.isEmpty()) {
            throw new InvalidActionException("the model answered neither text nor a tool call");
        }
        return List.copyOf(actions);
    }

    static Action action(String tool, String arguments) {
        if (tool == null) {
            throw new InvalidActionException("a tool call without a name");
        }
        JsonObject args = parse(tool, arguments);
        return switch (tool) {
            case REPLY -> new Action.Reply(requiredText(tool, args, "text"));
            case SAVE_FIELDS -> new Action.SaveFields(fields(args));
            case REQUEST_CALL ->
                    new Action.RequestCall(
                            optionalText(tool, args, "name"),
                            optionalText(tool, args, "preferred_time"));
            case SET_TEMPERATURE ->
                    new Action.SetTemperature(
                            temperature(requiredText(tool, args, "temperature")),
                            optionalText(tool, args, "reason"));
            case NOT_INTERESTED -> new Action.NotInterested(optionalText(tool, args, "reason"));
            case HAND_OFF -> new Action.HandOff(optionalText(tool, args, "reason"));
            case SEND_GREETING_STEP -> new Action.SendGreetingStep(index(args));
            case ASKED_FIELD -> new Action.AskedField(requiredText(tool, args, "key"));
            default -> throw new InvalidActionException("unknown tool '" + tool + "'");
        };
    }

    private static ToolSpecification tool(String name, String description, JsonObjectSchema p) {
        return ToolSpecification.builder()
                .name(name)
                .description(description)
                .parameters(p)
                .build();
    }

    private static JsonSchemaElement fieldSchema(QualificationField f) {
        String description =
                f.labelEn()
                        + (f.min() != null ? ", min " + f.min().toPlainString() : "")
                        + (f.max() != null ? ", max " + f.max().toPlainString() : "");
        return switch (f.type()) {
            case TEXT -> JsonStringSchema.builder().description(description).build();
            case NUMBER -> JsonNumberSchema.builder().description(description).build();
            case INTEGER -> JsonIntegerSchema.builder().description(description).build();
            case BOOLEAN -> JsonBooleanSchema.builder().description(description).build();
        };
    }

    private static JsonObject parse(String tool, String arguments) {
        String raw = arguments == null || arguments.isBlank() ? "{}" : arguments;
        try (var reader = Jsonp.createReader(new StringReader(raw))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new InvalidActionException(
                    "the arguments of '" + tool + "' are not a JSON object: " + e.getMessage());
        }
    }

    private static String requiredText(String tool, JsonObject args, String name) {
        String value = optionalText(tool, args, name);
        if (value == null || value.isBlank()) {
            throw new InvalidActionException("'" + tool + "' needs a text '" + name + "'");
        }
        return value;
    }

    private static String optionalText(String tool, JsonObject args, String name) {
        JsonValue value = args.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonString s) {
            return s.getString();
        }
        throw new InvalidActionException(
                "'" + tool + "': '" + name + "' must be a string, not " + value.getValueType());
    }

    private static Temperature temperature(String value) {
        try {
            return Temperature.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidActionException("unknown temperature '" + value + "'");
        }
    }

    private static int index(JsonObject args) {
        JsonValue value = args.get("index");
        if (value instanceof JsonNumber n && n.isIntegral()) {
            try {
                return n.intValueExact();
            } catch (ArithmeticException e) {
                throw new InvalidActionException("'send_greeting_step': index out of range");
            }
        }
        throw new InvalidActionException("'send_greeting_step' needs an integer 'index'");
    }

    /** JSON values as the core's types; the validator coerces them to the schema's types. */
    private static Map<String, Object> fields(JsonObject args) {
        JsonValue value = args.get("fields");
        if (!(value instanceof JsonObject fields)) {
            throw new InvalidActionException("'save_fields' needs an object 'fields'");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (var e : fields.entrySet()) {
            JsonValue v = e.getValue();
            switch (v.getValueType()) {
                case STRING -> values.put(e.getKey(), ((JsonString) v).getString());
                case NUMBER -> values.put(e.getKey(), ((JsonNumber) v).bigDecimalValue());
                case TRUE -> values.put(e.getKey(), Boolean.TRUE);
                case FALSE -> values.put(e.getKey(), Boolean.FALSE);
                case NULL -> {
                    // "unknown" is not a value: nothing to save
                }
                default ->
                        throw new InvalidActionException(
                                "'save_fields': '"
                                        + e.getKey()
                                        + "' must be a string, number or boolean, not "
                                        + v.getValueType());
            }
        }
        return values;
    }
}
