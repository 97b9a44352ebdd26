package com.buildcrm.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.buildcrm.web.ApiProblem;
import com.buildcrm.web.FieldError;
import java.lang.reflect.Field;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeadFilterTest {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    private static LeadFilterParams params(String... pairs) {
        LeadFilterParams p = new LeadFilterParams();
        for (int i = 0; i < pairs.length; i += 2) {
            try {
                Field f = LeadFilterParams.class.getField(pairs[i]);
                f.set(p, pairs[i + 1]);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return p;
    }

    private static List<String> invalidFields(Runnable r) {
        try {
            r.run();
        } catch (ApiProblem e) {
            assertThat(e.status()).isEqualTo(400);
            try {
                Field f = ApiProblem.class.getDeclaredField("errors");
                f.setAccessible(true);
                @SuppressWarnings("unchecked")
                List<FieldError> errors = (List<FieldError>) f.get(e);
                return errors.stream().map(FieldError::field).toList();
            } catch (ReflectiveOperationException x) {
                throw new IllegalStateException(x);
            }
        }
        throw new AssertionError("no problem");
    }

    @Test
    void datesAreDaysInTheCompanysZoneAndToIncludesTheWholeDay() {
        LeadFilter f =
                LeadFilter.parse(params("from", "2026-11-01", "to", "2026-11-01"), 7, ALMATY);
        assertThat(f.createdFrom()).isEqualTo(Instant.parse("2026-10-31T19:00:00Z"));
        assertThat(f.createdTo()).isEqualTo(Instant.parse("2026-11-01T19:00:00Z"));
        LeadFilter t = LeadFilter.parse(params("to", "2026-11-01T10:00:00+05:00"), 7, ALMATY);
        assertThat(t.createdTo()).isEqualTo(Instant.parse("2026-11-01T05:00:00Z"));
    }

    @Test
    void valuesAreNormalised() {
        LeadFilter f =
                LeadFilter.parse(
                        params(
                                "temperature", "hot",
                                "handledBy", "Human",
                                "assignee", "me",
                                "noReply", "TRUE",
                                "city", "  Алматы ",
                                "q", " дом "),
                        42,
                        ALMATY);
        assertThat(f.temperature()).isEqualTo("HOT");
        assertThat(f.handledBy()).isEqualTo("HUMAN");
        assertThat(f.assigneeId()).isEqualTo(42);
        assertThat(f.noReply()).isTrue();
        assertThat(f.city()).isEqualTo("Алматы");
        assertThat(f.q()).isEqualTo("дом");
        assertThat(LeadFilter.parse(params("assignee", "none"), 1, ALMATY).unassigned()).isTrue();
        assertThat(LeadFilter.parse(params(), 1, ALMATY)).isEqualTo(LeadFilter.NONE);
    }

    @Test
    void everyInvalidParameterIsNamed() {
        assertThat(
                        invalidFields(
                                () ->
                                        LeadFilter.parse(
                                                params(
                                                        "stage", "x",
                                                        "temperature", "tepid",
                                                        "assignee", "bob",
                                                        "handledBy", "robot",
                                                        "noReply", "1",
                                                        "from", "2026-02-30",
                                                        "to", "later"),
                                                1,
                                                ALMATY)))
                .containsExactly(
                        "stage", "temperature", "assignee", "handledBy", "noReply", "from", "to");
        assertThat(
                        invalidFields(
                                () ->
                                        LeadFilter.parse(
                                                params("from", "2026-11-02", "to", "2026-11-01"),
                                                1,
                                                ALMATY)))
                .containsExactly("to");
    }

    @Test
    void aColumnOfAnotherStageThanTheFilterIsEmpty() {
        LeadFilter f = LeadFilter.parse(params("stage", "3"), 1, ALMATY);
        assertThat(f.inStage(3).stageId()).isEqualTo(3);
        assertThat(f.inStage(4).stageId()).isEqualTo(-1);
        assertThat(LeadFilter.NONE.inStage(4).stageId()).isEqualTo(4);
    }

    @Test
    void cursorsRoundTripAndBelongToTheirSort() {
        LeadSort.Cursor c =
                new LeadSort.Cursor(
                        LeadSort.SCORE, 87, Instant.parse("2026-11-26T06:30:42.899112Z"), 15);
        assertThat(LeadSort.Cursor.decode(c.encode(), LeadSort.SCORE)).isEqualTo(c);
        assertThat(LeadSort.Cursor.decode(null, LeadSort.SCORE)).isNull();
        assertThat(invalidFields(() -> LeadSort.Cursor.decode(c.encode(), LeadSort.CREATED_AT)))
                .containsExactly("cursor");
        assertThat(invalidFields(() -> LeadSort.Cursor.decode("%%%", LeadSort.SCORE)))
                .containsExactly("cursor");
        assertThat(LeadSort.parse(null)).isEqualTo(LeadSort.SCORE);
        assertThat(LeadSort.parse("lastactivity")).isEqualTo(LeadSort.LAST_ACTIVITY);
        assertThatThrownBy(() -> LeadSort.parse("name")).isInstanceOf(ApiProblem.class);
    }
}
