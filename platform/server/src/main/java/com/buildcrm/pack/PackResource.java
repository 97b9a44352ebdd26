package com.buildcrm.pack;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Global Admin: the industry packs loaded on this instance. Operators only. */
@Path("api/admin/packs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "packs", description = "Industry packs (PF4J plugins) the operator gives tenants")
public class PackResource {

    @Inject PackHost packs;

    @GET
    @RolesAllowed("operator")
    @Operation(
            summary = "The loaded industry packs",
            description =
                    "Each pack's id, names, version, qualification schema, settings schema,"
                            + " price-minimum fields, default greeting chain and default follow-ups"
                            + " (by locale: ru, en). generic-sales comes first.")
    @APIResponse(
            responseCode = "200",
            description = "the packs",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = PackResponse.class)))
    @APIResponse(responseCode = "401", description = "no or invalid token")
    @APIResponse(responseCode = "403", description = "not an operator")
    public List<PackResponse> list() {
        return packs.available().stream()
                .map(info -> PackResponse.of(info, packs.packFor(info.id())))
                .toList();
    }
}
