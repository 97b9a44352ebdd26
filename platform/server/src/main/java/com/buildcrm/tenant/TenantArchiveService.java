package com.buildcrm.tenant;

import com.buildcrm.audit.AuditLog.Actor;
import com.buildcrm.media.MediaStore;
import com.buildcrm.provisioner.ArchiveActor;
import com.buildcrm.provisioner.ArchiveSummary;
import com.buildcrm.provisioner.InvalidArchiveException;
import com.buildcrm.provisioner.TenantBusyException;
import com.buildcrm.provisioner.TenantExistsException;
import com.buildcrm.provisioner.TenantMediaFiles;
import com.buildcrm.tenancy.Storage;
import com.buildcrm.tenancy.TenantSchemaUpgrades;
import com.buildcrm.tenant.TenantRequests.TenantResponse;
import com.buildcrm.web.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Operator export and import of whole tenants (ADR 029), on the provisioner's {@code
 * TenantArchive}: one zip with the schema's data, the platform rows (secrets left out) and the
 * media of the store the server uses (the data directory or the S3 bucket, in one layout). Both are
 * audited by the archive itself.
 */
@ApplicationScoped
public class TenantArchiveService {

    @Inject Storage storage;
    @Inject TenantSchemaUpgrades upgrades;
    @Inject MediaStore mediaStore;
    @Inject TenantAdminService tenants;

    /** The tenant to export, checked before the first byte is streamed (404, 409). */
    public TenantResponse exportable(long id) {
        TenantResponse tenant = tenants.get(id);
        if (!"ACTIVE".equals(tenant.status()) && !"SUSPENDED".equals(tenant.status())) {
            throw ApiProblem.conflict(
                    "tenant-state",
                    "Tenant "
                            + tenant.slug()
                            + " is "
                            + tenant.status()
                            + "; only a provisioned company can be exported");
        }
        return tenant;
    }

    public void export(TenantResponse tenant, OutputStream out, Actor actor) {
        upgrades.provisioner().archives().export(tenant.slug(), media(), out, archiveActor(actor));
    }

    public TenantResponse importArchive(InputStream in, String slug, Actor actor) {
        ArchiveSummary summary;
        try {
            summary =
                    upgrades.provisioner()
                            .archives()
                            .importArchive(in, slug, media(), archiveActor(actor));
        } catch (InvalidArchiveException e) {
            throw ApiProblem.invalidField("archive", e.getMessage());
        } catch (TenantExistsException e) {
            throw ApiProblem.conflict(
                    "slug-taken",
                    "A company with the code '"
                            + e.slug()
                            + "' already exists; import under another code (?slug=…)");
        } catch (TenantBusyException e) {
            throw ApiProblem.conflict("tenant-busy", e.getMessage());
        }
        return tenants.get(summary.tenantId());
    }

    /** The media of the store the server uses: the data dir's, or the S3 bucket's. */
    private TenantMediaFiles media() {
        return mediaStore.archiveFiles();
    }

    private static ArchiveActor archiveActor(Actor actor) {
        return new ArchiveActor(actor.type(), actor.id(), actor.email());
    }
}
