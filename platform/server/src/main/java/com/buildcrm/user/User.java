package com.buildcrm.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A business user of one tenant (owner, ROP or manager). */
@Entity
@Table(name = "users")
public class User {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String email;
    private String name;
    private String role;

    @Column(name = "password_hash")
    private String passwordHash;

    private String status;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    @Column(name = "last_login_at")
    private OffsetDateTime lastLoginAt;

    protected User() {}

    public User(String email, String name, Role role, String passwordHash, OffsetDateTime now) {
        this.email = email;
        this.name = name;
        this.role = role.key();
        this.passwordHash = passwordHash;
        this.status = "ACTIVE";
        this.createdAt = now;
        this.updatedAt = now;
    }

    public boolean active() {
        return "ACTIVE".equals(status);
    }

    public void rename(String newName, OffsetDateTime now) {
        this.name = newName;
        this.updatedAt = now;
    }

    public void changeRole(Role newRole, OffsetDateTime now) {
        this.role = newRole.key();
        this.updatedAt = now;
    }

    public void disable(OffsetDateTime now) {
        this.status = "DISABLED";
        this.updatedAt = now;
    }

    public void enable(OffsetDateTime now) {
        this.status = "ACTIVE";
        this.updatedAt = now;
    }

    public void resetPassword(String newHash, OffsetDateTime now) {
        this.passwordHash = newHash;
        this.updatedAt = now;
    }

    public void loggedIn(OffsetDateTime at) {
        this.lastLoginAt = at;
    }

    public Long id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String name() {
        return name;
    }

    public Role role() {
        return Role.fromKey(role).orElseThrow();
    }

    public String status() {
        return status;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime lastLoginAt() {
        return lastLoginAt;
    }
}
