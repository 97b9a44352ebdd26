package com.buildcrm.ai.knowledge;

import com.buildcrm.ai.PreviewKnowledge;
import com.buildcrm.ai.TenantPack;
import com.buildcrm.audit.AuditLog;
import com.buildcrm.audit.AuditLog.Actor;
import com.buildcrm.brain.KnowledgeBase;
import com.buildcrm.pack.PackHost;
import com.buildcrm.plugin.api.IndustryPack;
import com.buildcrm.plugin.api.KnowledgeEntry;
import com.buildcrm.tenancy.Storage;
import com.buildcrm.tenancy.TenantDirectory;
import com.buildcrm.tenancy.TenantRef;
import com.buildcrm.tenancy.TenantTransactions;
import com.buildcrm.web.ApiProblem;
import com.buildcrm.web.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operator's side of a tenant's knowledge base (ADR 032), and the base the AI manager uses for
 * a turn. The pack's defaults are in force until the first save; a save replaces the whole base.
 */
@ApplicationScoped
public class KnowledgeAdminService implements PreviewKnowledge {

    /** At most this many entries per tenant. */
    public static final int MAX_ENTRIES = 200;

    /** Characters in a title. */
    public static final int MAX_TITLE = 120;

    /** Question variants per entry. */
    public static final int MAX_QUESTIONS = 20;

    /** Characters in one question variant. */
    public static final int MAX_QUESTION = 300;

    /** Characters in a question's answer (sent whole as a chat message). */
    public static final int MAX_ANSWER = 2000;

    /** Characters in a document (about eight pages). */
    public static final int MAX_DOCUMENT = 20000;

    /** Characters in one paragraph of a document (the part quoted to a client). */
    public static final int MAX_PARAGRAPH = 1500;

    static final KnowledgeViews.Limits LIMITS =
            new KnowledgeViews.Limits(
                    MAX_ENTRIES,
                    MAX_TITLE,
                    MAX_QUESTIONS,
                    MAX_QUESTION,
                    MAX_ANSWER,
                    MAX_DOCUMENT,
                    MAX_PARAGRAPH);

    @Inject Storage storage;
    @Inject TenantDirectory directory;
    @Inject TenantTransactions tenants;
    @Inject PackHost packs;
    @Inject KnowledgeIndexes indexes;
    @Inject Clock clock;

    /** The base in force for tenant {@code id}. */
    public KnowledgeViews.KnowledgeView get(long id) {
        TenantRef tenant = tenant(id);
        TenantPack pack = storage.transactions().inPlatform(em -> TenantPack.load(em, id));
        Optional<KnowledgeStore.Saved> saved = tenants.in(tenant, KnowledgeStore::load);
        if (saved.isPresent()) {
            KnowledgeStore.Saved s = saved.get();
            return new KnowledgeViews.KnowledgeView(
                    "TENANT",
                    pack.packId(),
                    s.version(),
                    s.editedAt() == null ? null : s.editedAt().toString(),
                    s.editedBy(),
                    LIMITS,
                    s.items().stream().map(KnowledgeAdminService::view).toList());
        }
        return new KnowledgeViews.KnowledgeView(
                "PACK",
                pack.packId(),
                0,
                null,
                null,
                LIMITS,
                defaults(packs.packFor(pack.packId()), pack.locale()).stream()
                        .map(KnowledgeAdminService::view)
                        .toList());
    }

    /** Replaces the whole base; an invalid body is a 400 naming every bad field, nothing saved. */
    public KnowledgeViews.KnowledgeView put(
            long id, KnowledgeRequests.KnowledgeBody body, Actor actor) {
        TenantRef tenant = tenant(id);
        List<KnowledgeEntry> entries = validate(body);
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        tenants.in(
                tenant,
                work -> {
                    KnowledgeStore.replace(work, entries, actor.email(), now);
                    return null;
                });
        storage.transactions()
                .inPlatform(
                        em -> {
                            AuditLog.record(
                                    em,
                                    actor,
                                    id,
                                    "knowledge.configure",
                                    "knowledge",
                                    Map.of("entries", entries.size()));
                            return null;
                        });
        indexes.evict(id);
        return get(id);
    }

    /**
     * The index the AI manager answers from in a turn: the saved base, or the pack's defaults.
     * Reads only the saved version when the cached index is current.
     */
    public KnowledgeBase forTurn(
            TenantRef tenant, IndustryPack pack, String packId, String locale) {
        return forTurn(tenant, tenants.in(tenant, KnowledgeStore::version), pack, packId, locale);
    }

    /**
     * The knowledge for a turn that has read the company's knowledge {@code version} in its own
     * transaction (empty: the pack's defaults); the entries are read only when not cached.
     */
    public KnowledgeBase forTurn(
            TenantRef tenant,
            Optional<Long> version,
            IndustryPack pack,
            String packId,
            String locale) {
        String key = version.map(v -> "v" + v).orElse("pack:" + packId + ":" + locale);
        return indexes.forTenant(
                tenant.id(),
                key,
                () ->
                        version.isPresent()
                                ? tenants.in(tenant, KnowledgeStore::load)
                                        .map(KnowledgeStore.Saved::items)
                                        .orElse(List.of())
                                : defaults(pack, locale));
    }

    @Override
    public KnowledgeBase forPreview(long id, IndustryPack pack, String packId, String locale) {
        return forTurn(tenant(id), pack, packId, locale);
    }

    static List<KnowledgeBase.Item> defaults(IndustryPack pack, String locale) {
        List<KnowledgeEntry> entries;
        try {
            entries = pack.defaultKnowledge(locale);
        } catch (RuntimeException e) {
            entries = List.of(); // a failing pack is skipped, never fatal
        }
        return KnowledgeBase.ofEntries(entries == null ? List.of() : entries, "default:").items();
    }

    static List<KnowledgeEntry> validate(KnowledgeRequests.KnowledgeBody body) {
        if (body == null || body.entries == null) {
            throw ApiProblem.invalidField("entries", "a list of entries");
        }
        List<FieldError> errors = new ArrayList<>();
        List<KnowledgeEntry> out = new ArrayList<>();
        for (int i = 0; i < body.entries.size(); i++) {
            KnowledgeRequests.EntryBody e = body.entries.get(i);
            String at = "entries[" + i + "]";
            List<String> questions =
                    e.questions == null
                            ? List.of()
                            : e.questions.stream().map(String::strip).toList();
            String answer = e.answer == null ? "" : e.answer.strip();
            if (answer.isEmpty()) {
                errors.add(new FieldError(at + ".answer", "must not be empty"));
                continue;
            }
            if (!questions.isEmpty() && answer.length() > MAX_ANSWER) {
                errors.add(
                        new FieldError(
                                at + ".answer",
                                "an answer has at most " + MAX_ANSWER + " characters"));
            }
            if (questions.isEmpty()) {
                for (String p : answer.split("\\n\\s*\\n")) {
                    if (p.strip().length() > MAX_PARAGRAPH) {
                        errors.add(
                                new FieldError(
                                        at + ".answer",
                                        "a paragraph of a document has at most "
                                                + MAX_PARAGRAPH
                                                + " characters; separate paragraphs with an"
                                                + " empty line"));
                        break;
                    }
                }
            }
            out.add(new KnowledgeEntry(e.title.strip(), questions, answer));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.badRequest("The knowledge base is not valid", errors);
        }
        return out;
    }

    private static KnowledgeViews.EntryView view(KnowledgeBase.Item i) {
        return new KnowledgeViews.EntryView(
                i.id(), i.document() ? "DOCUMENT" : "QA", i.title(), i.questions(), i.answer());
    }

    private TenantRef tenant(long id) {
        return directory
                .byId(id)
                .map(TenantDirectory.Entry::ref)
                .orElseThrow(() -> ApiProblem.notFound("Tenant " + id));
    }
}
