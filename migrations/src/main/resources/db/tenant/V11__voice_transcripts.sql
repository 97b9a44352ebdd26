-- The transcript of a client's voice note, kept with the message (ADR 033).
-- transcription: null = not tried yet; DONE = transcript holds the text; FAILED = the endpoint
-- failed (timeout, error, garbage); OFF = no endpoint configured.
ALTER TABLE messages ADD COLUMN transcript text;
ALTER TABLE messages ADD COLUMN transcription varchar(6)
    CHECK (transcription IN ('DONE', 'FAILED', 'OFF'));
