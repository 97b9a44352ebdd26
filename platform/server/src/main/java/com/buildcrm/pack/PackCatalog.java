package com.buildcrm.pack;

import java.util.List;

/**
 * The industry packs a tenant may be given. The PF4J pack host (AI manager issue) replaces this
 * fixed list with the packs actually loaded from the plugin directory.
 */
public final class PackCatalog {

    public static final String DEFAULT_PACK = "generic-sales";
    public static final List<String> KNOWN = List.of("generic-sales", "panel-houses");

    private PackCatalog() {}

    public static boolean known(String packId) {
        return KNOWN.contains(packId);
    }
}
