package com.buildcrm.ai.greeting;

import com.buildcrm.channel.MediaKind;
import com.buildcrm.json.Jsonp;
import com.buildcrm.media.MediaFormat;
import com.buildcrm.media.MediaRejectedException;
import com.buildcrm.media.MediaStore;
import com.buildcrm.media.StoredMedia;
import com.buildcrm.outbox.OutgoingMessage;
import com.buildcrm.plugin.api.GreetingStep;
import com.buildcrm.plugin.api.IndustryPack;
import com.buildcrm.plugin.api.MediaItem;
import com.buildcrm.plugin.api.PackMedia;
import com.buildcrm.web.ApiProblem;
import com.buildcrm.web.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * A tenant's first-contact chain (brief §6.1): its own, or its pack's default copied in (the pack's
 * bundled media stored as the tenant's, so the outbox sends them like any other file).
 */
@ApplicationScoped
public class GreetingChains {

    private static final Logger LOG = Logger.getLogger(GreetingChains.class.getName());
    static final int MAX_STEPS = 10;

    /** The pack setting holding the company's site (both bundled packs declare it). */
    static final String SITE_URL = "site_url";

    static final int MAX_ALBUM = 10;
    static final long MAX_PACK_MEDIA_BYTES = 16L * 1024 * 1024;

    /** One step of a chain, ready to send. {@code kind}: text, album, link, voice. */
    public record Step(String kind, String text, List<Media> media, String url) {
        public Step {
            media = media == null ? List.of() : List.copyOf(media);
        }

        /** The messages that send this step, in order (an album sends one per image). */
        public List<OutgoingMessage> messages() {
            return switch (kind) {
                case "album" ->
                        media.stream()
                                .map(
                                        m ->
                                                OutgoingMessage.media(
                                                        MediaKind.IMAGE, m.id(), m.caption(), null))
                                .toList();
                case "voice" -> List.of(OutgoingMessage.voice(media.get(0).id(), null));
                case "link" ->
                        List.of(
                                OutgoingMessage.text(
                                        text == null || text.isBlank()
                                                ? url
                                                : text.strip() + "\n" + url));
                default -> List.of(OutgoingMessage.text(text));
            };
        }
    }

    /** A stored file of the tenant in a step, with its caption. */
    public record Media(String id, String caption) {}

    /** The chain and where it comes from ({@code tenant} or {@code pack}). */
    public record Chain(List<Step> steps, String source) {}

    @Inject MediaStore media;

    /**
     * The chain to send for this tenant; the pack's default (materialised once per pack) unless the
     * operator wrote one.
     */
    public Chain resolve(
            EntityManager platformEm,
            long tenantId,
            String packId,
            IndustryPack pack,
            String locale,
            Map<String, String> packSettings) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                platformEm
                        .createNativeQuery(
                                "SELECT steps::text, from_pack FROM platform.tenant_greetings WHERE tenant_id = ?1")
                        .setParameter(1, tenantId)
                        .getResultList();
        if (!rows.isEmpty()) {
            String fromPack = (String) rows.get(0)[1];
            if (fromPack == null) {
                return new Chain(parse(String.valueOf(rows.get(0)[0])), "tenant");
            }
            if (fromPack.equals(packId)) {
                return new Chain(
                        withSiteUrl(parse(String.valueOf(rows.get(0)[0])), packSettings), "pack");
            }
        }
        List<Step> steps = materialise(tenantId, pack, locale);
        write(platformEm, tenantId, steps, packId);
        return new Chain(withSiteUrl(steps, packSettings), "pack");
    }

    /**
     * The pack's default chain links to the pack's placeholder site until the operator sets the
     * tenant's {@code site_url} pack setting; then the link step points there.
     */
    static List<Step> withSiteUrl(List<Step> steps, Map<String, String> packSettings) {
        String site = packSettings == null ? null : packSettings.get(SITE_URL);
        if (site == null || !isHttpUrl(site)) {
            return steps;
        }
        return steps.stream()
                .map(
                        s ->
                                "link".equals(s.kind())
                                        ? new Step(s.kind(), s.text(), s.media(), site)
                                        : s)
                .toList();
    }

    /** Replaces the tenant's chain with the operator's, after validating it. */
    public void save(EntityManager platformEm, long tenantId, List<Step> steps) {
        validate(tenantId, steps);
        write(platformEm, tenantId, steps, null);
    }

    /** Drops the tenant's own chain: the pack's default applies again. */
    public void reset(EntityManager platformEm, long tenantId) {
        platformEm
                .createNativeQuery("DELETE FROM platform.tenant_greetings WHERE tenant_id = ?1")
                .setParameter(1, tenantId)
                .executeUpdate();
    }

    void validate(long tenantId, List<Step> steps) {
        List<FieldError> errors = new ArrayList<>();
        if (steps.size() > MAX_STEPS) {
            errors.add(new FieldError("steps", "at most " + MAX_STEPS + " steps"));
        }
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            String at = "steps[" + i + "]";
            String kind = s.kind() == null ? "" : s.kind().toLowerCase(Locale.ROOT);
            switch (kind) {
                case "text" -> {
                    if (blank(s.text())) {
                        errors.add(new FieldError(at + ".text", "a text step needs a text"));
                    }
                }
                case "link" -> {
                    if (!isHttpUrl(s.url())) {
                        errors.add(new FieldError(at + ".url", "an http(s) URL is required"));
                    }
                }
                case "album" -> {
                    if (s.media().isEmpty() || s.media().size() > MAX_ALBUM) {
                        errors.add(
                                new FieldError(
                                        at + ".mediaIds",
                                        "an album has 1–" + MAX_ALBUM + " images"));
                    }
                    for (Media m : s.media()) {
                        checkMedia(tenantId, m, MediaFormat.Kind.IMAGE, at, errors);
                    }
                }
                case "voice" -> {
                    if (s.media().size() != 1) {
                        errors.add(new FieldError(at + ".mediaIds", "a voice step has one file"));
                    }
                    for (Media m : s.media()) {
                        checkMedia(tenantId, m, MediaFormat.Kind.AUDIO, at, errors);
                    }
                }
                default ->
                        errors.add(new FieldError(at + ".kind", "one of text, album, link, voice"));
            }
            if (s.text() != null && s.text().length() > 4000) {
                errors.add(new FieldError(at + ".text", "at most 4000 characters"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.badRequest("The greeting chain is not valid", errors);
        }
    }

    private void checkMedia(
            long tenantId, Media m, MediaFormat.Kind kind, String at, List<FieldError> errors) {
        Optional<StoredMedia> stored =
                m.id() != null && MediaStore.isSafeId(m.id())
                        ? media.find(Long.toString(tenantId), m.id())
                        : Optional.empty();
        if (stored.isEmpty()) {
            errors.add(
                    new FieldError(
                            at + ".mediaIds",
                            "no such file "
                                    + m.id()
                                    + "; upload it with POST /api/admin/tenants/{id}/media"));
        } else if (stored.get().format().kind() != kind) {
            errors.add(
                    new FieldError(
                            at + ".mediaIds",
                            m.id() + " is not " + kind.name().toLowerCase(Locale.ROOT)));
        }
    }

    private List<Step> materialise(long tenantId, IndustryPack pack, String locale) {
        List<Step> steps = new ArrayList<>();
        for (GreetingStep g : pack.defaultGreeting(locale)) {
            List<Media> stored = new ArrayList<>();
            for (MediaItem item : g.media()) {
                Optional<PackMedia> file = pack.media(item.name());
                if (file.isEmpty()) {
                    LOG.warning(() -> "pack media " + item.name() + " is missing; step skipped");
                    continue;
                }
                try {
                    StoredMedia s =
                            media.store(
                                    Long.toString(tenantId),
                                    new ByteArrayInputStream(file.get().content()),
                                    file.get().mimeType(),
                                    item.name(),
                                    MAX_PACK_MEDIA_BYTES);
                    stored.add(new Media(s.id(), item.caption()));
                } catch (MediaRejectedException e) {
                    LOG.warning(() -> "pack media " + item.name() + " rejected: " + e.getMessage());
                }
            }
            String kind = g.kind().name().toLowerCase(Locale.ROOT);
            if ((kind.equals("album") || kind.equals("voice")) && stored.isEmpty()) {
                continue;
            }
            steps.add(new Step(kind, g.text(), stored, g.url()));
        }
        return steps;
    }

    private static void write(EntityManager em, long tenantId, List<Step> steps, String fromPack) {
        em.createNativeQuery(
                        "INSERT INTO platform.tenant_greetings (tenant_id, steps, from_pack, updated_at)"
                                + " VALUES (?1, CAST(?2 AS jsonb), ?3, now()) ON CONFLICT (tenant_id) DO UPDATE"
                                + " SET steps = EXCLUDED.steps, from_pack = EXCLUDED.from_pack, updated_at = now()")
                .setParameter(1, tenantId)
                .setParameter(2, toJson(steps))
                .setParameter(3, fromPack)
                .executeUpdate();
    }

    static String toJson(List<Step> steps) {
        JsonArrayBuilder array = Jsonp.createArrayBuilder();
        for (Step s : steps) {
            JsonArrayBuilder media = Jsonp.createArrayBuilder();
            for (Media m : s.media()) {
                var mb = Jsonp.createObjectBuilder().add("id", m.id());
                if (m.caption() != null) {
                    mb.add("caption", m.caption());
                }
                media.add(mb);
            }
            var b = Jsonp.createObjectBuilder().add("kind", s.kind()).add("media", media);
            if (s.text() != null) {
                b.add("text", s.text());
            }
            if (s.url() != null) {
                b.add("url", s.url());
            }
            array.add(b);
        }
        return array.build().toString();
    }

    static List<Step> parse(String json) {
        List<Step> steps = new ArrayList<>();
        try (var reader = Jsonp.createReader(new StringReader(json))) {
            for (JsonValue v : reader.readArray()) {
                JsonObject o = v.asJsonObject();
                List<Media> media = new ArrayList<>();
                for (JsonValue m : o.getJsonArray("media")) {
                    JsonObject mo = m.asJsonObject();
                    media.add(new Media(mo.getString("id"), mo.getString("caption", null)));
                }
                steps.add(
                        new Step(
                                o.getString("kind"),
                                o.getString("text", null),
                                media,
                                o.getString("url", null)));
            }
        }
        return steps;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Whether {@code url} is an absolute http(s) URL with a host. */
    public static boolean isHttpUrlPublic(String url) {
        return isHttpUrl(url);
    }

    static boolean isHttpUrl(String url) {
        if (blank(url)) {
            return false;
        }
        try {
            URI uri = URI.create(url.strip());
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
