-- The tenant's knowledge base (ADR 032): frequent questions with their answers and short documents the AI
-- manager answers clients from. Until the operator saves it, the pack's default entries are in force (no
-- rows here and no knowledge_base row); the first save copies what the operator edited.

-- One row once the operator has saved the base; version grows with every save (the in-memory index of
-- every instance is keyed by it, so a change on one node is seen by all).
CREATE TABLE knowledge_base (
    id         bigint      PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    version    bigint      NOT NULL,
    edited_at  timestamptz NOT NULL,
    edited_by  varchar(200)
);

-- An entry: question variants + answer, or a document (no questions; paragraphs split by blank lines).
CREATE TABLE knowledge_entries (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    position   integer      NOT NULL,
    title      varchar(120) NOT NULL,
    questions  jsonb        NOT NULL DEFAULT '[]'::jsonb,
    answer     text         NOT NULL,
    CONSTRAINT knowledge_entries_answer_len CHECK (char_length(answer) BETWEEN 1 AND 20000)
);
CREATE INDEX knowledge_entries_position_idx ON knowledge_entries (position);
