package com.buildcrm.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.buildcrm.channel.MediaKind;
import com.buildcrm.channel.MessageKind;
import org.junit.jupiter.api.Test;

class OutgoingMessageTest {

    @Test
    void aTextSendsATextPayload() {
        OutgoingMessage m = OutgoingMessage.text("Здравствуйте!");

        assertThat(m.kind()).isEqualTo(MessageKind.TEXT);
        assertThat(m.payload()).isEqualTo(OutboundPayload.text("Здравствуйте!"));
        assertThat(m.preview()).isEqualTo("Здравствуйте!");
    }

    @Test
    void aFileSendsAMediaPayloadWithItsCaptionAndName() {
        OutgoingMessage m = OutgoingMessage.media(MediaKind.DOCUMENT, "m-1", "price", "p.pdf");

        assertThat(m.kind()).isEqualTo(MessageKind.DOCUMENT);
        assertThat(m.payload())
                .isEqualTo(
                        new OutboundPayload(
                                OutboundPayload.Type.MEDIA,
                                "price",
                                "m-1",
                                MediaKind.DOCUMENT,
                                "p.pdf"));
        assertThat(OutgoingMessage.media(MediaKind.IMAGE, "m-2", null, null).preview())
                .isEqualTo("[image]");
    }

    @Test
    void aVoiceNoteKeepsItsTextOnTheMessageButSendsNoCaption() {
        OutgoingMessage m = OutgoingMessage.voice("v-1", "listen");

        assertThat(m.text()).isEqualTo("listen");
        assertThat(m.payload()).isEqualTo(OutboundPayload.voice("v-1"));
        assertThat(m.payload().text()).isNull();
        assertThat(OutgoingMessage.voice("v-1", null).preview()).isEqualTo("[voice]");
    }

    @Test
    void refusesWhatCannotBeSent() {
        assertThatThrownBy(() -> new OutgoingMessage(MessageKind.TEXT, "x", "m-1", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutgoingMessage(MessageKind.IMAGE, "x", null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutgoingMessage(MessageKind.LOCATION, null, "m-1", null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
