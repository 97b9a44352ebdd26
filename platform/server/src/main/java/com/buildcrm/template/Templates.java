package com.buildcrm.template;

import com.buildcrm.channel.Channels;
import com.buildcrm.json.Jsonp;
import com.buildcrm.template.TemplateRules.Window;
import com.buildcrm.template.WhatsAppTemplate.Parameter;
import com.buildcrm.template.WhatsAppTemplate.Source;
import com.buildcrm.tenancy.TenantWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A tenant's registered WhatsApp templates (tenant table {@code whatsapp_templates}) and where a
 * lead stands with its channel's customer-service window (ADR 035). Everything runs inside the
 * caller's tenant unit of work.
 */
@ApplicationScoped
public class Templates {

    @Inject Channels channels;

    /** The company's name and its channel's provider key (null without a channel). */
    public record Company(String name, String provider) {}

    /** The registered templates, by purpose. */
    public List<WhatsAppTemplate> load(TenantWork work) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                work.sql(
                                "SELECT purpose, name, language, body, parameters::text FROM whatsapp_templates"
                                        + " ORDER BY purpose")
                        .getResultList();
        List<WhatsAppTemplate> templates = new ArrayList<>();
        for (Object[] r : rows) {
            templates.add(
                    new WhatsAppTemplate(
                            (String) r[0],
                            (String) r[1],
                            (String) r[2],
                            (String) r[3],
                            parameters((String) r[4])));
        }
        return templates;
    }

    /** Replaces the registration (checked by {@link TemplateRules#check} before). */
    public void save(TenantWork work, List<WhatsAppTemplate> templates) {
        work.sql("DELETE FROM whatsapp_templates").executeUpdate();
        for (WhatsAppTemplate t : templates) {
            work.sql(
                            "INSERT INTO whatsapp_templates (purpose, name, language, body, parameters)"
                                    + " VALUES (?1, ?2, ?3, ?4, CAST(?5 AS jsonb))")
                    .setParameter(1, t.purpose())
                    .setParameter(2, t.name())
                    .setParameter(3, t.language())
                    .setParameter(4, t.body())
                    .setParameter(5, parametersJson(t.parameters()).toString())
                    .executeUpdate();
        }
    }

    public Company company(TenantWork work) {
        Object[] row =
                (Object[])
                        work.platform()
                                .query(
                                        "SELECT t.name, (SELECT c.provider FROM platform.channels c"
                                                + " WHERE c.tenant_id = t.id) FROM platform.tenants t WHERE t.id = ?1")
                                .getSingleResult();
        return new Company((String) row[0], (String) row[1]);
    }

    /** The provider's customer-service window length; empty without a channel or a window. */
    public Optional<Duration> windowLength(String provider) {
        if (provider == null) {
            return Optional.empty();
        }
        try {
            return channels.provider(provider).sessionWindow();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Where the lead stands with its channel's window at {@code now}. */
    public Window window(TenantWork work, String provider, long leadId, Instant now) {
        Optional<Duration> length = windowLength(provider);
        if (length.isEmpty()) {
            return TemplateRules.window(length, null, now);
        }
        EntityManager em = work.em();
        List<OffsetDateTime> last =
                em.createQuery(
                                "SELECT MAX(m.createdAt) FROM Message m WHERE m.leadId = :l AND m.direction = 'IN'",
                                OffsetDateTime.class)
                        .setParameter("l", leadId)
                        .getResultList();
        Instant lastInbound =
                last.isEmpty() || last.get(0) == null ? null : last.get(0).toInstant();
        return TemplateRules.window(length, lastInbound, now);
    }

    /** A user's name, or null. */
    public String userName(TenantWork work, Long userId) {
        if (userId == null) {
            return null;
        }
        List<?> names =
                work.sql("SELECT name FROM users WHERE id = ?1")
                        .setParameter(1, userId)
                        .getResultList();
        return names.isEmpty() ? null : (String) names.get(0);
    }

    static JsonArray parametersJson(List<Parameter> parameters) {
        JsonArrayBuilder a = Jsonp.createArrayBuilder();
        for (Parameter p : parameters) {
            var o = Jsonp.createObjectBuilder().add("source", p.source().api());
            if (p.fallback() != null && !p.fallback().isBlank()) {
                o.add("fallback", p.fallback().strip());
            }
            a.add(o);
        }
        return a.build();
    }

    private static List<Parameter> parameters(String json) {
        List<Parameter> list = new ArrayList<>();
        try (var reader = Jsonp.createReader(new StringReader(json))) {
            for (JsonValue v : reader.readArray()) {
                JsonObject o = v.asJsonObject();
                Source source = Source.ofApi(o.getString("source", ""));
                if (source != null) {
                    list.add(new Parameter(source, o.getString("fallback", null)));
                }
            }
        }
        return list;
    }
}
