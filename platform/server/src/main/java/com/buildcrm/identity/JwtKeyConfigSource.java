package com.buildcrm.identity;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/** Hands MicroProfile JWT the public half of {@link JwtKeys} as {@code mp.jwt.verify.publickey}. */
public class JwtKeyConfigSource implements ConfigSource {

    static final String PUBLIC_KEY = "mp.jwt.verify.publickey";

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(PUBLIC_KEY);
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(PUBLIC_KEY, JwtKeys.shared().publicKeyPem());
    }

    @Override
    public String getValue(String propertyName) {
        return PUBLIC_KEY.equals(propertyName) ? JwtKeys.shared().publicKeyPem() : null;
    }

    @Override
    public String getName() {
        return "buildcrm-jwt-keys";
    }

    @Override
    public int getOrdinal() {
        return 50;
    }
}
