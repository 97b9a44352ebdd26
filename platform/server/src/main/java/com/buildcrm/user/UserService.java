package com.buildcrm.user;

import com.buildcrm.audit.AuditLog;
import com.buildcrm.audit.AuditLog.Actor;
import com.buildcrm.provisioner.PasswordHasher;
import com.buildcrm.tenancy.Storage;
import com.buildcrm.tenancy.TenantData;
import com.buildcrm.user.UserRequests.CreateUserRequest;
import com.buildcrm.user.UserRequests.UpdateUserRequest;
import com.buildcrm.user.UserRequests.UserResponse;
import com.buildcrm.web.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The owner and the ROP manage their own company's users. */
@ApplicationScoped
public class UserService {

    @Inject TenantData data;
    @Inject Storage storage;
    @Inject Event<UserAccessChanged> accessChanged;
    @Inject Clock clock;

    public List<UserResponse> list() {
        return data.tx(
                em ->
                        em
                                .createQuery("SELECT u FROM User u ORDER BY u.id", User.class)
                                .getResultList()
                                .stream()
                                .map(UserResponse::of)
                                .toList());
    }

    public UserResponse get(long id) {
        return data.tx(em -> UserResponse.of(find(em, id)));
    }

    public UserResponse create(CreateUserRequest request) {
        Role caller = callerRole();
        Role role = Role.fromKey(request.role).orElseThrow();
        if (!caller.canManage(role)) {
            throw ApiProblem.forbidden(
                    "role-not-allowed", "You cannot create a user with the role " + role.key());
        }
        String email = request.email.trim().toLowerCase(Locale.ROOT);
        String hash = PasswordHasher.hash(request.password);
        OffsetDateTime now = now();
        UserResponse created =
                data.tx(
                        em -> {
                            boolean taken =
                                    !em.createQuery(
                                                    "SELECT u.id FROM User u WHERE LOWER(u.email) = :email")
                                            .setParameter("email", email)
                                            .getResultList()
                                            .isEmpty();
                            if (taken) {
                                throw ApiProblem.conflict(
                                        "email-taken", "A user with this email already exists");
                            }
                            User user = new User(email, request.name.trim(), role, hash, now);
                            em.persist(user);
                            em.flush();
                            return UserResponse.of(user);
                        });
        audit("user.create", created.id(), Map.of("role", role.key(), "email", email));
        return created;
    }

    public UserResponse update(long id, UpdateUserRequest request) {
        Role caller = callerRole();
        long callerId = data.currentUserId();
        OffsetDateTime now = now();
        String newHash = request.password == null ? null : PasswordHasher.hash(request.password);
        Map<String, Object> changes = new LinkedHashMap<>();
        UserResponse updated =
                data.tx(
                        em -> {
                            User user = find(em, id);
                            if (!caller.canManage(user.role())) {
                                throw ApiProblem.forbidden(
                                        "role-not-allowed",
                                        "You cannot change a user with the role "
                                                + user.role().key());
                            }
                            if (request.role != null) {
                                Role role = Role.fromKey(request.role).orElseThrow();
                                if (!caller.canManage(role)) {
                                    throw ApiProblem.forbidden(
                                            "role-not-allowed",
                                            "You cannot give the role " + role.key());
                                }
                                user.changeRole(role, now);
                                changes.put("role", role.key());
                            }
                            if (request.name != null) {
                                user.rename(request.name.trim(), now);
                                changes.put("name", request.name.trim());
                            }
                            if (request.status != null) {
                                if (id == callerId && request.status.equals("DISABLED")) {
                                    throw ApiProblem.conflict(
                                            "self-disable", "You cannot disable your own account");
                                }
                                if (request.status.equals("DISABLED")) {
                                    user.disable(now);
                                } else {
                                    user.enable(now);
                                }
                                changes.put("status", request.status);
                            }
                            if (newHash != null) {
                                user.resetPassword(newHash, now);
                                changes.put("passwordReset", true);
                            }
                            return UserResponse.of(user);
                        });
        if ("DISABLED".equals(request.status) || newHash != null) {
            accessChanged.fire(new UserAccessChanged(data.tenant().id(), id, true));
        } else if (request.role != null || request.status != null) {
            // tokens and open streams carry the role: every instance re-checks them now
            accessChanged.fire(new UserAccessChanged(data.tenant().id(), id, false));
        }
        if (!changes.isEmpty()) {
            audit("user.update", id, changes);
        }
        return updated;
    }

    private void audit(String action, long targetUserId, Map<String, ?> details) {
        long tenantId = data.tenant().id();
        long callerId = data.currentUserId();
        String callerEmail = data.tx(em -> em.find(User.class, callerId).email());
        storage.transactions()
                .inPlatformDo(
                        em ->
                                AuditLog.record(
                                        em,
                                        Actor.user(callerId, callerEmail),
                                        tenantId,
                                        action,
                                        "user:" + targetUserId,
                                        details));
    }

    private Role callerRole() {
        return Role.fromKey(data.currentRole())
                .orElseThrow(() -> ApiProblem.forbidden("role-not-allowed", "Unknown role"));
    }

    private static User find(EntityManager em, long id) {
        User user = em.find(User.class, id);
        if (user == null) {
            throw ApiProblem.notFound("User " + id);
        }
        return user;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
