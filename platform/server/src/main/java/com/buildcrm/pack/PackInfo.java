package com.buildcrm.pack;

/**
 * A loaded industry pack as the operator sees it in a list.
 *
 * @param id the pack id (equal to the PF4J plugin id)
 * @param nameRu name in Russian
 * @param nameEn name in English
 * @param version the pack's {@code Plugin-Version}
 * @param requires the platform versions it declares ({@code Plugin-Requires})
 * @param provider its {@code Plugin-Provider}
 */
public record PackInfo(
        String id,
        String nameRu,
        String nameEn,
        String version,
        String requires,
        String provider) {}
