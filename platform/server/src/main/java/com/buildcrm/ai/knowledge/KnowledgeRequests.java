package com.buildcrm.ai.knowledge;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Request bodies of the knowledge-base endpoint: classes with annotated fields (ADR 004). */
public final class KnowledgeRequests {
    private KnowledgeRequests() {}

    /** PUT /api/admin/tenants/{id}/knowledge: the whole base, in the order shown. */
    public static final class KnowledgeBody {
        @NotNull
        @Size(max = KnowledgeAdminService.MAX_ENTRIES)
        public List<@NotNull @Valid EntryBody> entries;
    }

    /**
     * One entry: with {@code questions} a frequent question and its answer; without, a document
     * (price list, delivery, warranty, payment) whose paragraphs are quoted one at a time.
     */
    public static final class EntryBody {
        @NotBlank
        @Size(max = KnowledgeAdminService.MAX_TITLE)
        public String title;

        @Size(max = KnowledgeAdminService.MAX_QUESTIONS)
        public List<@NotBlank @Size(max = KnowledgeAdminService.MAX_QUESTION) String> questions;

        @NotBlank
        @Size(max = KnowledgeAdminService.MAX_DOCUMENT)
        public String answer;
    }
}
