package com.buildcrm.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One person, one phone: normalises the ways a number reaches us ({@code 8 701 123 45 67}, {@code
 * +7 (701) 123-45-67}, {@code 77011234567@s.whatsapp.net}, {@code …@c.us}) to E.164 ({@code
 * +77011234567}), which is what leads are keyed on.
 *
 * <p>Typed numbers must be valid for their country. A WhatsApp jid is a real account, so it only
 * has to be a possible number: library metadata lagging behind a new mobile range must not lose a
 * lead.
 */
public final class PhoneNumbers {

    /** Numbers without a country code are read as Kazakh (the first customers are there). */
    public static final String DEFAULT_REGION = "KZ";

    private static final PhoneNumberUtil LIBRARY = PhoneNumberUtil.getInstance();
    private static final Pattern JID_USER = Pattern.compile("\\d{5,15}");
    private static final Pattern BARE_DIGITS = Pattern.compile("[\\d ]{8,20}");

    private PhoneNumbers() {}

    /**
     * E.164 of a phone or a personal jid, reading numbers without a country code as {@link
     * #DEFAULT_REGION}.
     */
    public static Optional<String> toE164(String raw) {
        return toE164(raw, DEFAULT_REGION);
    }

    /** E.164 of a phone or a personal jid; empty for anything else, group jids included. */
    public static Optional<String> toE164(String raw, String defaultRegion) {
        if (raw == null || raw.isBlank() || raw.length() > 64) {
            return Optional.empty();
        }
        String value = raw.strip();
        int at = value.indexOf('@');
        if (at >= 0) {
            return fromJid(value, at);
        }
        Optional<String> typed = valid(value, defaultRegion);
        if (typed.isEmpty() && BARE_DIGITS.matcher(value).matches()) {
            // digits without "+" as Meta's API writes them (4915112345678): an international number
            return valid("+" + value.replaceAll("\\D", ""), null);
        }
        return typed;
    }

    private static Optional<String> valid(String value, String region) {
        try {
            PhoneNumber number = LIBRARY.parse(value, region);
            return LIBRARY.isValidNumber(number) ? Optional.of(format(number)) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** The jid to send to: {@code 77011234567@s.whatsapp.net}. */
    public static Optional<String> toJid(String raw) {
        return toE164(raw).map(e164 -> digits(e164) + "@s.whatsapp.net");
    }

    /** The digits of an E.164 number, without {@code +} (what Meta's API and jids use). */
    public static String digits(String e164) {
        return e164.startsWith("+") ? e164.substring(1) : e164;
    }

    /** True for a WhatsApp group chat's jid ({@code …@g.us}). */
    public static boolean isGroupJid(String raw) {
        return raw != null && raw.strip().toLowerCase(java.util.Locale.ROOT).endsWith("@g.us");
    }

    private static Optional<String> fromJid(String jid, int at) {
        String domain = jid.substring(at + 1).toLowerCase(java.util.Locale.ROOT);
        if (!domain.equals("s.whatsapp.net") && !domain.equals("c.us")) {
            return Optional.empty();
        }
        String user = jid.substring(0, at);
        int device = user.indexOf(':'); // multi-device jids: 77011234567:12@s.whatsapp.net
        if (device >= 0) {
            user = user.substring(0, device);
        }
        if (!JID_USER.matcher(user).matches()) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = LIBRARY.parse("+" + user, null);
            return LIBRARY.isPossibleNumber(number)
                    ? Optional.of(format(number))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    private static String format(PhoneNumber number) {
        return LIBRARY.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
    }
}
