package com.buildcrm.user;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/** Bodies of the CRM's user endpoints. */
public final class UserRequests {
    private UserRequests() {}

    /** Request classes use annotated fields: see {@code AuthRequests} for why not records. */
    public static final class CreateUserRequest {
        @NotBlank
        @Size(max = 200)
        public String name;

        @NotBlank
        @Email
        @Size(max = 320)
        public String email;

        @NotBlank
        @Pattern(regexp = "^(rop|manager)$", message = "one of rop, manager")
        public String role;

        @NotBlank
        @Size(min = 8, max = 200)
        public String password;
    }

    /** A partial update: absent fields stay as they are. */
    public static final class UpdateUserRequest {
        @Size(min = 1, max = 200)
        @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
        public String name;

        @Pattern(regexp = "^(rop|manager)$", message = "one of rop, manager")
        public String role;

        @Pattern(regexp = "^(ACTIVE|DISABLED)$", message = "one of ACTIVE, DISABLED")
        public String status;

        @Size(min = 8, max = 200)
        public String password;
    }

    public record UserResponse(
            long id,
            String name,
            String email,
            String role,
            String status,
            OffsetDateTime createdAt,
            OffsetDateTime lastLoginAt) {
        static UserResponse of(User u) {
            return new UserResponse(
                    u.id(),
                    u.name(),
                    u.email(),
                    u.role().key(),
                    u.status(),
                    u.createdAt(),
                    u.lastLoginAt());
        }
    }
}
