-- The shape of the webhook's transaction: inbox row + job row + touch the tenant's channel row (one row for
-- all webhooks of a tenant, so concurrent webhooks of one tenant queue on its lock until commit).
BEGIN;
INSERT INTO bench_ins (payload) VALUES ('{"type":"message","sender":"77010000123@s.whatsapp.net","phone":"+77010000123","pushName":"Bench Customer 123","timestamp":"2025-12-02T14:43:27Z","kind":"TEXT","text":"здравствуйте, сообщение 12345","group":false,"raw":"{\"messageType\":\"text\",\"message\":\"здравствуйте, сообщение 12345\",\"metadata\":{\"sender\":\"Bench Customer 123\",\"timestamp\":1764686607,\"messageId\":\"BENCH0000012345\",\"remoteJid\":\"77010000123@s.whatsapp.net\"},\"mediaData\":null,\"nodeData\":{\"webHook\":{\"text\":\"https://your-host.example/webhook/chatflow\",\"method\":\"POST\"}}}"}'::jsonb);
INSERT INTO bench_jobs (name, id, at) VALUES ('process-inbox', md5(random()::text || clock_timestamp()::text), now());
UPDATE bench_channel SET last_inbound_at = now() WHERE tenant_id = 1;
COMMIT;
