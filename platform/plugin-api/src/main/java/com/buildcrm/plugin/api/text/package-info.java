/**
 * Text utilities industry packs share to read Russian, Kazakh-Russian and English WhatsApp
 * messages: {@link com.buildcrm.plugin.api.text.TextNormalizer} (one normal form for matching),
 * {@link com.buildcrm.plugin.api.text.RussianNumbers} (numbers in digits and words, money) and
 * {@link com.buildcrm.plugin.api.text.YesNo} (short yes/no answers). They are pure, thread-safe
 * static functions with no dependencies, so packs may call them on every message.
 */
package com.buildcrm.plugin.api.text;
