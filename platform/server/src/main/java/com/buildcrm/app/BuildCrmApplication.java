package com.buildcrm.app;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The HTTP surface: {@code /api/admin/**} (operators), {@code /api/crm/**} (business users), {@code
 * /api/auth/**}, {@code /webhooks/**} (providers). Tokens are MicroProfile JWT.
 */
@ApplicationPath("/")
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT", realmName = "buildcrm")
@DeclareRoles({"operator", "owner", "rop", "manager"})
@OpenAPIDefinition(info = @Info(title = "BuildCRM API", version = "0.1.0"))
@SecurityScheme(
        securitySchemeName = "bearer",
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        bearerFormat = "JWT")
public class BuildCrmApplication extends Application {}
