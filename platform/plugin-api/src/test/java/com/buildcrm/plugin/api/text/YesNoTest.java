package com.buildcrm.plugin.api.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class YesNoTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "да | yes",
                "Да! | yes",
                "ага | yes",
                "угу | yes",
                "конечно | yes",
                "Канешно 😊 | yes",
                "да, будем | yes",
                "будем закрывать | yes",
                "закроем | yes",
                "есть | yes",
                "иә | yes",
                "ия | yes",
                "бар | yes",
                "yes | yes",
                "ok | yes",
                "+ | yes",
                "👍 | yes",
                "почему бы и нет | yes",
                "да, а доставка есть? | yes",
                "обязательно | yes",
                "нет | no",
                "Нет. | no",
                "неа | no",
                "пока нет | no",
                "не будем | no",
                "закрывать не будем | no",
                "не надо | no",
                "жоқ | no",
                "no | no",
                "да нет | no",
                "конечно нет | no",
                "нет конечно | no",
                "нету | no",
                "без него | no",
                "не знаю | unknown",
                "пока не знаю | unknown",
                "незнаю | unknown",
                "подумаю | unknown",
                "хз | unknown",
                "а сколько стоит? | unknown",
                "здравствуйте | unknown",
                "'' | unknown",
            })
    void readsTheAnswer(String text, String expected) {
        Optional<Boolean> want =
                switch (expected) {
                    case "yes" -> Optional.of(true);
                    case "no" -> Optional.of(false);
                    default -> Optional.empty();
                };
        assertEquals(want, YesNo.parse(text), text);
    }
}
