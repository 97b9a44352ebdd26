package com.buildcrm.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessageComposerTest {

    static final URI A = URI.create("https://crm.example/m/a.jpg");
    static final URI B = URI.create("https://crm.example/m/b.jpg");
    static final URI C = URI.create("https://crm.example/m/c.jpg");

    @Test
    void albumIsImagesOneByOneWithTheCaptionOnTheFirstOnly() {
        List<OutboundPart> parts = MessageComposer.album(List.of(A, B, C), "Наш шоурум");

        assertThat(parts)
                .containsExactly(
                        new OutboundPart.Media(MediaKind.IMAGE, A, "Наш шоурум", null),
                        new OutboundPart.Media(MediaKind.IMAGE, B, null, null),
                        new OutboundPart.Media(MediaKind.IMAGE, C, null, null));
    }

    @Test
    void albumPartsAreSentThroughTheGatewayInOrder() {
        RecordingGateway gateway = new RecordingGateway(100);

        for (OutboundPart part : MessageComposer.album(List.of(A, B), "Фото")) {
            assertThat(part.sendThrough(gateway, "+77011234567").status())
                    .isEqualTo(SendResult.Status.ACCEPTED);
        }

        assertThat(gateway.calls)
                .containsExactly("media IMAGE " + A + " Фото", "media IMAGE " + B + " null");
    }

    @Test
    void shortTextIsOnePart() {
        assertThat(MessageComposer.text("Здравствуйте!", caps(3000)))
                .containsExactly(new OutboundPart.Text("Здравствуйте!"));
    }

    @Test
    void longTextIsSplitAtTheProvidersLimitWithoutLosingWords() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            text.append("Слово").append(i).append(i % 7 == 6 ? ". " : " ");
        }
        String original = text.toString().strip();

        List<String> chunks = MessageComposer.split(original, 300);

        assertThat(chunks.size()).isGreaterThan(original.length() / 300);
        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.length()).isLessThanOrEqualTo(300));
        assertThat(String.join(" ", chunks).split("\\s+")).containsExactly(original.split("\\s+"));
        assertThat(chunks)
                .allSatisfy(chunk -> assertThat(chunk).doesNotStartWith(" ").doesNotEndWith(" "));
    }

    @Test
    void splitPrefersAParagraphBreakThenASentenceEnd() {
        String first = "Первый абзац. " + "а".repeat(50);
        String second = "Второй абзац.";
        assertThat(MessageComposer.split(first + "\n\n" + second, 70))
                .containsExactly(first, second);

        String sentence = "Это первое предложение.";
        assertThat(MessageComposer.split(sentence + " А это второе, длинное", 30))
                .containsExactly(sentence, "А это второе, длинное");
    }

    @Test
    void aWordLongerThanTheLimitIsCutButNeverInsideASurrogatePair() {
        String emoji = "😀".repeat(10); // 20 chars, 10 code points

        List<String> chunks = MessageComposer.split(emoji, 5);

        assertThat(String.join("", chunks)).isEqualTo(emoji);
        assertThat(chunks)
                .allSatisfy(
                        chunk -> {
                            assertThat(chunk.length()).isLessThanOrEqualTo(5);
                            assertThat(Character.isLowSurrogate(chunk.charAt(0))).isFalse();
                            assertThat(Character.isHighSurrogate(chunk.charAt(chunk.length() - 1)))
                                    .isFalse();
                        });
    }

    @Test
    void blankTextGivesNoPart() {
        assertThat(MessageComposer.text("  \n ", caps(100))).isEmpty();
        assertThat(MessageComposer.split(null, 100)).isEmpty();
        assertThatThrownBy(() -> MessageComposer.split("x", 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void textUsesTheGatewaysMaxTextLength() {
        String text = "абв ".repeat(30).strip(); // 119 chars

        assertThat(MessageComposer.text(text, caps(4096))).hasSize(1);
        assertThat(MessageComposer.text(text, caps(40))).hasSize(3);
    }

    @Test
    void linkIsATextWithTheCommentFirst() {
        URI url = URI.create("https://example.kz/catalog");

        assertThat(MessageComposer.link(url, "Каталог домов:", caps(3000)))
                .containsExactly(
                        new OutboundPart.Text("Каталог домов:\nhttps://example.kz/catalog"));
        assertThat(MessageComposer.link(url, null, caps(3000)))
                .containsExactly(new OutboundPart.Text("https://example.kz/catalog"));
    }

    @Test
    void voicePartUsesSendVoice() {
        RecordingGateway gateway = new RecordingGateway(100);
        URI ogg = URI.create("https://crm.example/m/hi.ogg");

        new OutboundPart.Voice(ogg).sendThrough(gateway, "+77011234567");

        assertThat(gateway.calls).containsExactly("voice " + ogg);
    }

    private static ChannelCapabilities caps(int maxTextLength) {
        return new ChannelCapabilities(
                false, false, true, false, false, maxTextLength, Optional.empty());
    }

    private static final class RecordingGateway implements WhatsAppGateway {
        final List<String> calls = new ArrayList<>();
        final int max;

        RecordingGateway(int max) {
            this.max = max;
        }

        @Override
        public ChannelCapabilities capabilities() {
            return caps(max);
        }

        @Override
        public SendResult sendText(String to, String text) {
            calls.add("text " + text);
            return SendResult.accepted(null);
        }

        @Override
        public SendResult sendMedia(
                String to, MediaKind kind, URI url, String caption, String fileName) {
            calls.add("media " + kind + " " + url + " " + caption);
            return SendResult.accepted(null);
        }

        @Override
        public SendResult sendVoice(String to, URI url) {
            calls.add("voice " + url);
            return SendResult.accepted(null);
        }
    }
}
