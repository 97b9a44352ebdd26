package com.buildcrm.push;

import com.buildcrm.json.Jsonp;
import com.buildcrm.notify.AlertKind;
import java.util.Locale;

/**
 * The notification a push shows: {@code {title, body, tag, url, kind, leadId}} (what {@code
 * web-crm/public/sw-notifications.js} reads). Texts follow the tenant's locale, Russian first. The
 * body is short on purpose: a lock screen shows it to whoever holds the phone (the push service
 * itself only sees ciphertext).
 */
final class PushTexts {

    static final int BODY_MAX = 80;

    private PushTexts() {}

    /** What a payload is built from. */
    record LeadFacts(
            long leadId, String name, String phone, String lastClientMessage, String taskTitle) {}

    static String title(AlertKind kind, String who, String locale) {
        boolean en = locale != null && locale.toLowerCase(Locale.ROOT).startsWith("en");
        return switch (kind) {
            case ASSIGNED -> (en ? "Lead assigned to you: " : "Вам назначен лид: ") + who;
            case CLIENT_WAITING ->
                    (en ? "The client is waiting for a reply: " : "Клиент ждёт ответа: ") + who;
            case CALL_SOON -> (en ? "Call in 10 minutes: " : "Звонок через 10 минут: ") + who;
            case HOT_LEAD -> (en ? "New hot lead: " : "Новый горячий лид: ") + who;
        };
    }

    static String payload(AlertKind kind, LeadFacts lead, String locale) {
        String who = blank(lead.name()) ? lead.phone() : lead.name().strip();
        String body =
                switch (kind) {
                    case CLIENT_WAITING ->
                            blank(lead.lastClientMessage())
                                    ? lead.phone()
                                    : lead.lastClientMessage();
                    case CALL_SOON ->
                            blank(lead.taskTitle())
                                    ? lead.phone()
                                    : lead.taskTitle() + " · " + lead.phone();
                    default -> lead.phone();
                };
        return Jsonp.createObjectBuilder()
                .add("title", shorten(title(kind, shorten(who, 60), locale), 100))
                .add("body", shorten(body, BODY_MAX))
                .add("tag", "lead-" + lead.leadId() + "-" + kind.name().toLowerCase(Locale.ROOT))
                .add("url", "/crm/leads/" + lead.leadId())
                .add("kind", kind.name())
                .add("leadId", lead.leadId())
                .build()
                .toString();
    }

    static String shorten(String s, int max) {
        if (s == null) {
            return "";
        }
        String one = s.strip().replaceAll("\\s+", " ");
        return one.length() <= max ? one : one.substring(0, max - 1).strip() + "…";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
