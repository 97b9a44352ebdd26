package com.buildcrm.channel;

import java.net.URI;
import java.util.Objects;

/**
 * One provider call's worth of an outbound message, as {@link MessageComposer} lays it out; the
 * outbox stores and paces parts one by one and sends each with {@link #sendThrough}.
 */
public sealed interface OutboundPart {

    SendResult sendThrough(WhatsAppGateway gateway, String to);

    record Text(String text) implements OutboundPart {
        public Text {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public SendResult sendThrough(WhatsAppGateway gateway, String to) {
            return gateway.sendText(to, text);
        }
    }

    /**
     * @param caption may be null; @param fileName may be null
     */
    record Media(MediaKind kind, URI url, String caption, String fileName) implements OutboundPart {
        public Media {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(url, "url");
        }

        @Override
        public SendResult sendThrough(WhatsAppGateway gateway, String to) {
            return gateway.sendMedia(to, kind, url, caption, fileName);
        }
    }

    record Voice(URI url) implements OutboundPart {
        public Voice {
            Objects.requireNonNull(url, "url");
        }

        @Override
        public SendResult sendThrough(WhatsAppGateway gateway, String to) {
            return gateway.sendVoice(to, url);
        }
    }

    /** An approved WhatsApp template (the only message allowed outside the session window). */
    record Template(TemplateCall call) implements OutboundPart {
        public Template {
            Objects.requireNonNull(call, "call");
        }

        @Override
        public SendResult sendThrough(WhatsAppGateway gateway, String to) {
            return gateway.sendTemplate(to, call);
        }
    }
}
