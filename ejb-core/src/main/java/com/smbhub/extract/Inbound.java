package com.smbhub.extract;

import java.time.OffsetDateTime;

/**
 * A message to read: how it came ({@code EMAIL} or {@code SMS}), who sent it (an e-mail {@code From} header or
 * a phone number), its subject (e-mail only), its text, when it arrived in the sender's offset, the business's
 * profile and, when known, the business's currency and country (ISO 3166 alpha-2); without them both are
 * guessed from the sender.
 */
public record Inbound(String channel, String from, String subject, String text, OffsetDateTime receivedAt, String profile,
        String currency, String country) {

    public Inbound {
        subject = subject == null ? "" : subject;
        text = text == null ? "" : text;
        from = from == null ? "" : from.trim();
    }

    public boolean sms() {
        return "SMS".equalsIgnoreCase(channel);
    }
}
