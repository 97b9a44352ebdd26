package com.buildcrm.plugin.api;

import java.util.Locale;

/** The platform speaks Russian first and English second; this is the one place that decides. */
public final class Locales {

    private Locales() {}

    /**
     * {@code true} for {@code en}, {@code en-US}, …; everything else (including null) is Russian.
     */
    public static boolean isEnglish(String locale) {
        return locale != null && locale.toLowerCase(Locale.ROOT).startsWith("en");
    }
}
