package com.buildcrm.phone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "8 701 123 45 67",
                "+7 (701) 123-45-67",
                "77011234567@s.whatsapp.net",
                "77011234567@c.us",
                "7701 1234567",
                "77011234567",
                "+77011234567",
                "87011234567",
                "  +7 701 123 45 67  ",
                "77011234567:12@s.whatsapp.net"
            })
    void kazakhVariantsAreOnePerson(String raw) {
        assertThat(PhoneNumbers.toE164(raw)).contains("+77011234567");
    }

    @Test
    void jidForSendingIsDigitsAtWhatsAppNet() {
        assertThat(PhoneNumbers.toJid("8 701 123 45 67")).contains("77011234567@s.whatsapp.net");
        assertThat(PhoneNumbers.toJid("77011234567@c.us")).contains("77011234567@s.whatsapp.net");
    }

    @Test
    void capturedFixtureSenderNormalises() {
        assertThat(PhoneNumbers.toE164("77001234567@s.whatsapp.net")).contains("+77001234567");
    }

    @ParameterizedTest
    @CsvSource({
        "'+7 916 123-45-67', +79161234567",
        "'8 (916) 123-45-67', +79161234567",
        "79161234567@s.whatsapp.net, +79161234567",
        "'+49 30 901820', +4930901820",
        "'+1 650-253-0000', +16502530000",
        "'+998 90 123 45 67', +998901234567",
        "4915112345678@s.whatsapp.net, +4915112345678",
        "4915112345678, +4915112345678",
        "998901234567, +998901234567"
    })
    void russianAndOtherCountriesNormalise(String raw, String e164) {
        assertThat(PhoneNumbers.toE164(raw)).contains(e164);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "   ",
                "hello",
                "123",
                "8 701 123",
                "+7 701 123 45 67 89 00",
                "120363025246125486@g.us",
                "77011234567@example.com",
                "abc@s.whatsapp.net",
                "@s.whatsapp.net",
                "++++++++"
            })
    void invalidGivesNothing(String raw) {
        assertThat(PhoneNumbers.toE164(raw)).isEmpty();
        assertThat(PhoneNumbers.toJid(raw)).isEmpty();
    }

    @Test
    void aNumberWhatsAppDeliveredFromIsKeptThoughLibphonenumberCallsItInvalid() {
        // +7 703 is a new Kazakh mobile range, possible but not yet valid in the metadata
        assertThat(PhoneNumbers.toE164("+77031234567")).isEmpty(); // typed: validated
        assertThat(PhoneNumbers.fromWhatsApp("77031234567@s.whatsapp.net"))
                .contains("+77031234567");
        assertThat(PhoneNumbers.fromWhatsApp("77031234567")).contains("+77031234567"); // Meta
        assertThat(PhoneNumbers.fromWhatsApp("+77031234567")).contains("+77031234567");
        // the stored lead number can be answered
        assertThat(PhoneNumbers.toJid("+77031234567")).contains("77031234567@s.whatsapp.net");
        assertThat(PhoneNumbers.recipient("+7 703 123 45 67")).contains("+77031234567");
        // valid numbers normalise as before
        assertThat(PhoneNumbers.fromWhatsApp("8 701 123 45 67")).contains("+77011234567");
        assertThat(PhoneNumbers.fromWhatsApp("4915112345678")).contains("+4915112345678");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "hello",
                "123",
                "120363025246125486@g.us",
                "abc@s.whatsapp.net",
                "77011234567@example.com",
                "status@broadcast",
                "7701\u00001234567@s.whatsapp.net",
                "++++++++"
            })
    void whatsAppAddressesThatAreNoPhoneGiveNothing(String raw) {
        assertThat(PhoneNumbers.fromWhatsApp(raw)).isEmpty();
        assertThat(PhoneNumbers.recipient(raw)).isEmpty();
    }

    @Test
    void groupJidsAreRecognised() {
        assertThat(PhoneNumbers.isGroupJid("120363025246125486@g.us")).isTrue();
        assertThat(PhoneNumbers.isGroupJid("77011234567@s.whatsapp.net")).isFalse();
        assertThat(PhoneNumbers.isGroupJid(null)).isFalse();
    }

    @Test
    void digitsDropThePlus() {
        assertThat(PhoneNumbers.digits("+77011234567")).isEqualTo("77011234567");
    }
}
