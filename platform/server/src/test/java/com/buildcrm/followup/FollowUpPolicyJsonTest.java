package com.buildcrm.followup;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildcrm.followup.FollowUpPolicy.Step;
import com.buildcrm.followup.FollowUpPolicyJson.Parsed;
import com.buildcrm.web.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class FollowUpPolicyJsonTest {

    private static final FollowUpPolicy DEFAULTS = FollowUpPolicy.defaults(List.of());

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text.replace('\'', '"')))) {
            return reader.readObject();
        }
    }

    @Test
    void thePolicyIsWrittenWithTimesAsHoursAndMinutes() {
        JsonObject json = FollowUpPolicyJson.toJson(DEFAULTS);

        assertThat(json.getString("quietFrom")).isEqualTo("21:00");
        assertThat(json.getString("quietTo")).isEqualTo("09:00");
        assertThat(json.getInt("capPerSilence")).isEqualTo(2);
        assertThat(json.getInt("minSpacingMinutes")).isEqualTo(10);
        assertThat(json.getInt("jitterMinutes")).isEqualTo(20);
        assertThat(json.getJsonArray("steps").getJsonObject(1).getString("text"))
                .isEqualTo("Когда удобно созвониться?");
        assertThat(json.getJsonArray("steps").getJsonObject(1).getInt("delayMinutes"))
                .isEqualTo(45);
    }

    @Test
    void aPolicyReadsBackAsItWasWritten() {
        FollowUpPolicy custom =
                new FollowUpPolicy(
                        List.of(new Step(30, "{name}, актуально?"), new Step(120, "Созвонимся?")),
                        LocalTime.of(22, 30),
                        LocalTime.of(8, 15),
                        1,
                        0,
                        45);

        Parsed parsed = FollowUpPolicyJson.fromJson(FollowUpPolicyJson.toJson(custom), DEFAULTS);

        assertThat(parsed.isValid()).isTrue();
        assertThat(parsed.policy()).isEqualTo(custom);
    }

    @Test
    void absentFieldsKeepTheFallback() {
        Parsed parsed =
                FollowUpPolicyJson.fromJson(
                        json("{'quietTo': '08:00', 'jitterMinutes': null}"), DEFAULTS);

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.policy().quietTo()).isEqualTo(LocalTime.of(8, 0));
        assertThat(parsed.policy().steps()).isEqualTo(DEFAULTS.steps());
        assertThat(parsed.policy().jitterMinutes()).isEqualTo(20);
    }

    @Test
    void wrongTypesAreFieldErrorsNotExceptions() {
        Parsed parsed =
                FollowUpPolicyJson.fromJson(
                        json(
                                "{'steps': [{'delayMinutes': '15', 'text': 7}, 'x', {'delayMinutes': 1.5, 'text': 'Ок?'}],"
                                        + " 'quietFrom': '25:00', 'quietTo': 9, 'capPerSilence': 'two',"
                                        + " 'minSpacingMinutes': 99999999999, 'jitterMinutes': true}"),
                        DEFAULTS);

        assertThat(parsed.isValid()).isFalse();
        assertThat(parsed.errors())
                .extracting(FieldError::field)
                .containsExactlyInAnyOrder(
                        "steps[0].delayMinutes",
                        "steps[0].text",
                        "steps[1]",
                        "steps[2].delayMinutes",
                        "quietFrom",
                        "quietTo",
                        "capPerSilence",
                        "minSpacingMinutes",
                        "jitterMinutes");
    }

    @Test
    void stepsThatAreNotAnArrayAreAnError() {
        Parsed parsed = FollowUpPolicyJson.fromJson(json("{'steps': 'Подскажите'}"), DEFAULTS);
        assertThat(parsed.errors()).containsExactly(new FieldError("steps", "an array of steps"));
    }

    @Test
    void wellTypedButInvalidValuesGetTheValidationErrors() {
        Parsed parsed =
                FollowUpPolicyJson.fromJson(
                        json(
                                "{'steps': [{'delayMinutes': 30, 'text': 'Актуально?'},"
                                        + " {'delayMinutes': 20, 'text': 'актуально?'}], 'capPerSilence': 0}"),
                        DEFAULTS);

        assertThat(parsed.errors())
                .extracting(FieldError::field)
                .containsExactly("steps[1].delayMinutes", "steps[1].text", "capPerSilence");
    }

    @Test
    void anEmptyStepListIsAnError() {
        Parsed parsed = FollowUpPolicyJson.fromJson(json("{'steps': []}"), DEFAULTS);
        assertThat(parsed.errors()).extracting(FieldError::field).containsExactly("steps");
    }
}
