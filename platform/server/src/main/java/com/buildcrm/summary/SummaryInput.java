package com.buildcrm.summary;

import com.buildcrm.nextaction.NextAction;
import com.buildcrm.plugin.api.QualificationField;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the rule summary reads about one lead, gathered by {@link Summaries}.
 *
 * @param schema the pack's qualification fields in asking order
 * @param topicRu the pack's name, Russian
 * @param topicEn the pack's name, English
 * @param fields the lead's field values (the {@code name} and {@code city} columns included)
 * @param stageRole the role of the lead's stage (NEW … WON, LOST), or {@code null}
 * @param clientTexts the client's latest text messages, oldest first
 * @param plannerAction the lead's next action from the planner, or {@code null}
 */
public record SummaryInput(
        List<QualificationField> schema,
        String topicRu,
        String topicEn,
        Map<String, Object> fields,
        String stageRole,
        List<String> clientTexts,
        NextAction plannerAction) {

    public SummaryInput {
        schema = List.copyOf(schema);
        Map<String, Object> copy = new LinkedHashMap<>();
        fields.forEach(
                (k, v) -> {
                    if (v != null) {
                        copy.put(k, v);
                    }
                });
        fields = Collections.unmodifiableMap(copy);
        clientTexts = clientTexts.stream().filter(java.util.Objects::nonNull).toList();
    }
}
