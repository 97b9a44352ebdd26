package com.buildcrm.ai.greeting;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildcrm.channel.MediaKind;
import com.buildcrm.outbox.OutgoingMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

class GreetingStepTest {

    @Test
    void eachKindOfStepBecomesItsMessages() {
        assertThat(new GreetingChains.Step("text", "Привет", null, null).messages())
                .containsExactly(OutgoingMessage.text("Привет"));
        assertThat(
                        new GreetingChains.Step(
                                        "album",
                                        null,
                                        List.of(
                                                new GreetingChains.Media("a", "one"),
                                                new GreetingChains.Media("b", null)),
                                        null)
                                .messages())
                .containsExactly(
                        OutgoingMessage.media(MediaKind.IMAGE, "a", "one", null),
                        OutgoingMessage.media(MediaKind.IMAGE, "b", null, null));
        assertThat(
                        new GreetingChains.Step(
                                        "voice",
                                        null,
                                        List.of(new GreetingChains.Media("v", null)),
                                        null)
                                .messages())
                .containsExactly(OutgoingMessage.voice("v", null));
    }

    @Test
    void aLinkIsItsTextAndUrlOrTheUrlAlone() {
        assertThat(new GreetingChains.Step("link", " Наш сайт ", null, "https://x.kz").messages())
                .containsExactly(OutgoingMessage.text("Наш сайт\nhttps://x.kz"));
        assertThat(new GreetingChains.Step("link", " ", null, "https://x.kz").messages())
                .containsExactly(OutgoingMessage.text("https://x.kz"));
    }
}
