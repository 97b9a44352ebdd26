package com.buildcrm.plugin.api;

import java.util.Objects;

/**
 * Identity of an industry pack as shown to the operator.
 *
 * @param id stable id, equal to the PF4J plugin id (e.g. {@code panel-houses})
 * @param nameRu name in Russian
 * @param nameEn name in English
 */
public record PackDescriptor(String id, String nameRu, String nameEn) {
    public PackDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(nameRu, "nameRu");
        Objects.requireNonNull(nameEn, "nameEn");
    }
}
