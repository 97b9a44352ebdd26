package com.buildcrm.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One person, one phone: normalises the ways a number reaches us ({@code 8 701 123 45 67}, {@code
 * +7 (701) 123-45-67}, {@code 77011234567@s.whatsapp.net}, {@code …@c.us}) to E.164 ({@code
 * +77011234567}), which is what leads are keyed on.
 *
 * <p>Typed numbers must be valid for their country ({@link #toE164}). An address WhatsApp itself
 * gave us — a jid, Meta's international digits, a lead's stored number — is a real account, so it
 * only has to be a <em>possible</em> number ({@link #fromWhatsApp}, {@link #toJid}): library
 * metadata lagging behind a new mobile range (say {@code +7 703…}) may normalise it, never lose the
 * lead or its answer.
 */
public final class PhoneNumbers {

    /** Numbers without a country code are read as Kazakh (the first customers are there). */
    public static final String DEFAULT_REGION = "KZ";

    private static final PhoneNumberUtil LIBRARY = PhoneNumberUtil.getInstance();
    private static final Pattern JID_USER = Pattern.compile("\\d{5,15}");
    private static final Pattern BARE_DIGITS = Pattern.compile("[\\d ]{8,20}");
    private static final Pattern INTERNATIONAL = Pattern.compile("\\+?[\\d ()-]{5,24}");

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

    /**
     * E.164 of a sender as a provider wrote it: a personal jid, or the international digits Meta's
     * API writes ({@code 77031234567}, with or without {@code +}). Valid numbers normalise as in
     * {@link #toE164}; a number libphonenumber does not consider valid is still accepted when it is
     * possible, because WhatsApp delivered from it. Empty for group jids and anything that is no
     * phone number at all.
     */
    public static Optional<String> fromWhatsApp(String raw) {
        Optional<String> known = toE164(raw);
        if (known.isPresent() || raw == null || raw.length() > 64) {
            return known;
        }
        String value = raw.strip();
        if (value.indexOf('@') >= 0 || !INTERNATIONAL.matcher(value).matches()) {
            return Optional.empty(); // jids were read by toE164 (possible numbers suffice there)
        }
        return possible(value.replaceAll("\\D", ""));
    }

    private static Optional<String> possible(String digits) {
        if (!JID_USER.matcher(digits).matches()) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = LIBRARY.parse("+" + digits, null);
            // possible as a mobile or fixed line: the country's general pattern alone lets
            // numbers of any length through (+7 with 14 national digits)
            return LIBRARY.isPossibleNumberForType(number, PhoneNumberType.MOBILE)
                            || LIBRARY.isPossibleNumberForType(number, PhoneNumberType.FIXED_LINE)
                    ? Optional.of(format(number))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> valid(String value, String region) {
        try {
            PhoneNumber number = LIBRARY.parse(value, region);
            return LIBRARY.isValidNumber(number) ? Optional.of(format(number)) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The jid to send to: {@code 77011234567@s.whatsapp.net}. A number in international form
     * ({@code +…}, as leads are stored) or a jid only has to be possible: it came from WhatsApp.
     */
    public static Optional<String> toJid(String raw) {
        return recipient(raw).map(e164 -> digits(e164) + "@s.whatsapp.net");
    }

    /**
     * E.164 of a recipient: as {@link #toE164}, and a number in international form ({@code +…})
     * that is possible though not valid (see the class comment).
     */
    public static Optional<String> recipient(String raw) {
        Optional<String> known = toE164(raw);
        if (known.isPresent() || raw == null || !raw.strip().startsWith("+")) {
            return known;
        }
        return fromWhatsApp(raw);
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
        return possible(user);
    }

    private static String format(PhoneNumber number) {
        return LIBRARY.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
    }
}
