package com.buildcrm.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildcrm.channel.MediaKind;
import org.junit.jupiter.api.Test;

class OutboundPayloadTest {

    @Test
    void storesTheSameJsonAsBefore() {
        assertThat(OutboundPayload.text("hi").toJson())
                .isEqualTo("{\"type\":\"text\",\"text\":\"hi\"}");
        assertThat(OutboundPayload.media("m-1", MediaKind.IMAGE, "cap", null).toJson())
                .isEqualTo(
                        "{\"type\":\"media\",\"text\":\"cap\",\"mediaId\":\"m-1\",\"mediaKind\":\"IMAGE\"}");
        assertThat(OutboundPayload.voice("v-1").toJson())
                .isEqualTo("{\"type\":\"voice\",\"mediaId\":\"v-1\"}");
        assertThat(OutboundPayload.voice("v-1").type().stored()).isEqualTo("voice");
    }

    @Test
    void readsStoredRowsBack() {
        OutboundPayload doc = OutboundPayload.media("m-1", MediaKind.DOCUMENT, null, "a.pdf");

        assertThat(OutboundPayload.fromJson(doc.toJson())).isEqualTo(doc);
        assertThat(
                        OutboundPayload.fromJson(
                                "{\"type\":\"media\",\"mediaId\":\"m\",\"mediaKind\":\"VIDEO\"}"))
                .isEqualTo(OutboundPayload.media("m", MediaKind.VIDEO, null, null));
    }

    @Test
    void anUnknownTypeIsSentAsATextAsItAlwaysWas() {
        assertThat(OutboundPayload.fromJson("{\"type\":\"sticker\",\"text\":\"x\"}"))
                .isEqualTo(OutboundPayload.text("x"));
    }
}
