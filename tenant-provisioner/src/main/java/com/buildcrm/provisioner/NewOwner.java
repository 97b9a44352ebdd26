package com.buildcrm.provisioner;

/**
 * The owner user created with a tenant. The password is only hashed (Argon2id), never stored.
 *
 * @param name display name
 * @param email login; stored trimmed and lower-cased
 * @param password at least 8 characters
 */
public record NewOwner(String name, String email, String password) {

    @Override
    public String toString() {
        return "NewOwner[name=" + name + ", email=" + email + ", password=***]";
    }
}
