package com.buildcrm.provisioner;

import java.util.List;
import java.util.Map;

/**
 * The seven system stages every tenant starts with (see DESIGN.md §5, pipeline rules), named in the
 * tenant's locale. Users may rename, recolour and reorder them later; the role stays.
 */
final class DefaultStages {

    /**
     * One default stage.
     *
     * @param role the system role the pipeline rules know
     * @param position order on the board, from 1
     * @param color hex colour
     * @param names the name per locale
     */
    record Stage(String role, int position, String color, Map<String, String> names) {
        String nameIn(String locale) {
            return names.getOrDefault(locale, names.get("en"));
        }
    }

    static final List<Stage> ALL =
            List.of(
                    new Stage(
                            "NEW", 1, "#228be6", Map.of("ru", "Новый", "en", "New", "kk", "Жаңа")),
                    new Stage(
                            "IN_PROGRESS",
                            2,
                            "#15aabf",
                            Map.of("ru", "В работе", "en", "In progress", "kk", "Жұмыста")),
                    new Stage(
                            "CALL_REQUESTED",
                            3,
                            "#fab005",
                            Map.of(
                                    "ru",
                                    "Просит звонок",
                                    "en",
                                    "Call requested",
                                    "kk",
                                    "Қоңырау сұрайды")),
                    new Stage(
                            "PARTIAL_DATA",
                            4,
                            "#fd7e14",
                            Map.of(
                                    "ru",
                                    "Неполные данные",
                                    "en",
                                    "Partial data",
                                    "kk",
                                    "Толық емес деректер")),
                    new Stage(
                            "FULL_DATA",
                            5,
                            "#7950f2",
                            Map.of(
                                    "ru",
                                    "Полные данные",
                                    "en",
                                    "Full data",
                                    "kk",
                                    "Толық деректер")),
                    new Stage(
                            "WON",
                            6,
                            "#40c057",
                            Map.of("ru", "Успешно", "en", "Won", "kk", "Сәтті")),
                    new Stage(
                            "LOST",
                            7,
                            "#fa5252",
                            Map.of("ru", "Отказ", "en", "Lost", "kk", "Бас тарту")));

    private DefaultStages() {}
}
