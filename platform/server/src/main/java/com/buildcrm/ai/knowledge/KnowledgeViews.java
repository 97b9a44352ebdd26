package com.buildcrm.ai.knowledge;

import java.util.List;

/** Response shapes of the knowledge-base endpoint. */
public final class KnowledgeViews {
    private KnowledgeViews() {}

    /**
     * The base in force.
     *
     * @param source {@code PACK} (the pack's defaults, never saved) or {@code TENANT}
     * @param packId the tenant's pack
     * @param version grows with every save (0 for the pack's defaults)
     * @param editedAt when the operator last saved (null for the pack's defaults)
     * @param editedBy who saved it last
     * @param limits the size limits a save must respect
     * @param entries the entries in order
     */
    public record KnowledgeView(
            String source,
            String packId,
            long version,
            String editedAt,
            String editedBy,
            Limits limits,
            List<EntryView> entries) {}

    /**
     * One entry.
     *
     * @param id the entry's id ({@code default:N} for a pack default)
     * @param kind {@code QA} (questions + answer) or {@code DOCUMENT}
     */
    public record EntryView(
            String id, String kind, String title, List<String> questions, String answer) {}

    /** The size limits (characters), so the console can say them before a save fails. */
    public record Limits(
            int entries,
            int title,
            int questions,
            int question,
            int answer,
            int document,
            int paragraph) {}
}
