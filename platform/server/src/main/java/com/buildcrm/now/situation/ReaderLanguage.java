package com.buildcrm.now.situation;

import java.util.List;
import java.util.Locale;

/**
 * The language next-action reasons are written in. The CRM keeps the user's UI language in the
 * browser only, so the server reads the request's {@code Accept-Language} (the first of Russian or
 * English it names, by preference; Kazakh reads Russian), and without one the company's locale
 * ({@code platform.tenants.locale}); Russian when nothing says otherwise.
 */
public final class ReaderLanguage {

    public static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    private ReaderLanguage() {}

    /** The reader's language from the header (may be null) and the company's locale. */
    public static Locale resolve(String acceptLanguage, String tenantLocale) {
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    Locale supported = supported(range.getRange());
                    if (supported != null && range.getWeight() > 0) {
                        return supported;
                    }
                }
            } catch (IllegalArgumentException e) {
                // a malformed header: fall back to the company's locale
            }
        }
        Locale tenant = tenantLocale == null ? null : supported(tenantLocale);
        return tenant == null ? RUSSIAN : tenant;
    }

    private static Locale supported(String tag) {
        String language = tag.replace('_', '-').split("-")[0].toLowerCase(Locale.ROOT);
        if (List.of("ru", "kk").contains(language)) {
            return RUSSIAN;
        }
        if ("en".equals(language)) {
            return Locale.ENGLISH;
        }
        return null;
    }
}
