package com.buildcrm.task;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Request bodies of the task endpoints: classes with annotated fields (ADR 004). */
public final class TaskRequests {
    private TaskRequests() {}

    /** POST /api/crm/leads/{id}/tasks. */
    public static final class NewTask {
        @NotBlank
        @Size(max = 200)
        public String title;

        /** {@code CALL} or {@code TODO} (default). */
        @Size(max = 10)
        public String kind;

        /**
         * An ISO instant ({@code 2026-12-04T09:00:00Z} or with an offset); absent: as soon as
         * possible.
         */
        @Size(max = 64)
        public String dueAt;

        public Long assigneeId;

        @Size(max = 2000)
        public String note;
    }

    /** PATCH /api/crm/tasks/{id}: absent fields stay as they are. */
    public static final class TaskPatch {
        @Size(min = 1, max = 200)
        public String title;

        /** An ISO instant; must not be in the past when it changes. */
        @Size(max = 64)
        public String dueAt;

        /** Who should do it; 0 removes the assignee. */
        public Long assigneeId;

        /** The note; an empty string removes it. */
        @Size(max = 2000)
        public String note;

        /** {@code true} marks the task done, {@code false} opens it again. */
        public Boolean done;
    }
}
