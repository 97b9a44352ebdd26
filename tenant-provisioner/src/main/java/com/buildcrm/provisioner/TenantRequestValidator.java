package com.buildcrm.provisioner;

import com.buildcrm.provisioner.InvalidTenantRequestException.FieldError;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a {@link NewTenant} and returns it normalised (trimmed, defaults filled in). */
final class TenantRequestValidator {

    static final Pattern SLUG = Pattern.compile("^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$");
    static final Set<String> LOCALES = Set.of("ru", "en", "kk");

    private static final Pattern PLUGIN_ID = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,63}$");
    private static final Pattern EMAIL =
            Pattern.compile("^[^@\\s]+@[^@\\s.]+(?:\\.[^@\\s.]+)*\\.[^@\\s.]{2,}$");
    private static final int MAX_NAME = 200;
    private static final int MAX_EMAIL = 320;
    private static final int MAX_TIMEZONE = 64;
    private static final int MIN_PASSWORD = 8;
    private static final int MAX_PASSWORD = 1024;

    private TenantRequestValidator() {}

    static NewTenant validated(NewTenant request) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null) {
            throw new InvalidTenantRequestException(
                    List.of(new FieldError("request", "is required")));
        }
        String slug = request.slug();
        if (slug == null || slug.isEmpty()) {
            errors.add(new FieldError("slug", "is required"));
        } else if (!SLUG.matcher(slug).matches()) {
            errors.add(
                    new FieldError(
                            "slug",
                            "must be 1-40 characters of a-z, 0-9 and '-', not starting or ending"
                                    + " with '-'"));
        }
        String name = trimmed(request.name());
        requireText(errors, "name", name, MAX_NAME);

        String timezone =
                request.timezone() == null
                        ? TenantProvisioner.DEFAULT_TIMEZONE
                        : request.timezone().trim();
        if (timezone.isEmpty() || timezone.length() > MAX_TIMEZONE) {
            errors.add(new FieldError("timezone", "must be a time zone id such as Asia/Almaty"));
        } else {
            try {
                timezone = ZoneId.of(timezone).getId();
            } catch (DateTimeException e) {
                errors.add(
                        new FieldError(
                                "timezone",
                                "is not a known time zone id (e.g. Asia/Almaty): " + timezone));
            }
        }

        String locale =
                request.locale() == null ? TenantProvisioner.DEFAULT_LOCALE : request.locale();
        if (!LOCALES.contains(locale)) {
            errors.add(new FieldError("locale", "must be one of ru, en, kk"));
        }
        String pluginId =
                request.pluginId() == null
                        ? TenantProvisioner.DEFAULT_PLUGIN_ID
                        : request.pluginId().trim();
        if (!PLUGIN_ID.matcher(pluginId).matches()) {
            errors.add(
                    new FieldError(
                            "pluginId", "must be 1-64 characters of a-z, 0-9, '.', '_' and '-'"));
        }

        NewOwner owner = request.owner();
        NewOwner normalisedOwner = null;
        if (owner == null) {
            errors.add(new FieldError("owner", "is required"));
        } else {
            String ownerName = trimmed(owner.name());
            requireText(errors, "owner.name", ownerName, MAX_NAME);
            String email = trimmed(owner.email());
            if (email == null || email.isEmpty()) {
                errors.add(new FieldError("owner.email", "is required"));
            } else if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
                errors.add(new FieldError("owner.email", "is not an e-mail address"));
            } else {
                email = email.toLowerCase(Locale.ROOT);
            }
            String password = owner.password();
            if (password == null || password.isEmpty()) {
                errors.add(new FieldError("owner.password", "is required"));
            } else if (password.codePointCount(0, password.length()) < MIN_PASSWORD) {
                errors.add(
                        new FieldError(
                                "owner.password",
                                "must be at least " + MIN_PASSWORD + " characters"));
            } else if (password.length() > MAX_PASSWORD) {
                errors.add(
                        new FieldError(
                                "owner.password",
                                "must be at most " + MAX_PASSWORD + " characters"));
            }
            normalisedOwner = new NewOwner(ownerName, email, password);
        }
        if (!errors.isEmpty()) {
            throw new InvalidTenantRequestException(errors);
        }
        return new NewTenant(slug, name, timezone, locale, pluginId, normalisedOwner);
    }

    private static String trimmed(String value) {
        return value == null ? null : value.strip();
    }

    private static void requireText(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isEmpty()) {
            errors.add(new FieldError(field, "is required"));
        } else if (value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
    }
}
