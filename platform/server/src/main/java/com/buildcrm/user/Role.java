package com.buildcrm.user;

import java.util.Locale;
import java.util.Optional;

/** Business roles within a tenant; the lower-case name is the JWT group and the stored value. */
public enum Role {
    OWNER,
    ROP,
    MANAGER;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromKey(String key) {
        for (Role role : values()) {
            if (role.key().equals(key)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /**
     * Who may create, edit or disable a user of role {@code target}: the owner manages ROPs and
     * managers, a ROP manages managers; nobody manages the owner through the CRM, and a manager
     * manages nobody.
     */
    public boolean canManage(Role target) {
        return switch (this) {
            case OWNER -> target != OWNER;
            case ROP -> target == MANAGER;
            case MANAGER -> false;
        };
    }
}
