package com.buildcrm.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.buildcrm.it.Api.Reply;

/**
 * A company for the message-path ITs: the rule brain answering with no reply pause, its WhatsApp
 * channel a {@link FakeChatFlow}; and a new lead's first ChatFlow webhook.
 */
final class RuleBrainCompany {

    private RuleBrainCompany() {}

    /** Creates the company; returns its webhook path. */
    static String create(Api api, String operator, String slug, FakeChatFlow gateway) {
        long id =
                api.createTenant(operator, slug, "ru", "owner@" + slug + ".kz", "owner-pass-1")
                        .getJsonNumber("id")
                        .longValue();
        Reply ai =
                api.method(
                        "PUT",
                        "/api/admin/tenants/" + id + "/ai",
                        operator,
                        "{\"enabled\":true,\"brain\":\"rules\",\"debounceMs\":0}");
        assertThat(ai.status()).as(ai.toString()).isEqualTo(200);
        Reply channel = api.setChatFlowChannel(operator, id, gateway.baseUrl(), "t-" + slug, "i");
        assertThat(channel.status()).as(channel.toString()).isEqualTo(200);
        return Api.webhookPath(channel.json());
    }

    /**
     * A client's first text from {@code phone}, as ChatFlow posts it; {@code tag} keeps ids apart.
     */
    static String firstText(String tag, String phone) {
        return "{\"messageType\":\"text\",\"message\":\"Здравствуйте, сколько стоит дом?\","
                + "\"metadata\":{\"sender\":\"Клиент "
                + phone.substring(phone.length() - 3)
                + "\",\"timestamp\":1764686607,\"messageId\":\""
                + tag
                + phone
                + "\",\"remoteJid\":\""
                + phone
                + "@s.whatsapp.net\"},\"mediaData\":null}";
    }
}
