package com.buildcrm.settings;

import com.buildcrm.identity.SessionChange;
import com.buildcrm.identity.SessionSignals;
import com.buildcrm.tenancy.TenantData;
import com.buildcrm.web.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Reads and changes the company's CRM settings. */
@ApplicationScoped
public class CrmSettingsService {

    @Inject TenantData data;
    @Inject Clock clock;
    @Inject SessionSignals signals;

    public boolean managersSeeAll() {
        return data.tx(em -> find(em).managersSeeAll());
    }

    public boolean changeManagersSeeAll(boolean value) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        boolean changed =
                data.tx(
                        em -> {
                            CrmSettings settings = find(em);
                            settings.changeManagersSeeAll(value, now);
                            return settings.managersSeeAll();
                        });
        // managers' open event streams are re-filtered on every instance
        signals.publish(SessionChange.settings(data.tenant().id()));
        return changed;
    }

    private static CrmSettings find(EntityManager em) {
        CrmSettings settings = em.find(CrmSettings.class, CrmSettings.SINGLETON);
        if (settings == null) {
            throw ApiProblem.notFound("CRM settings");
        }
        return settings;
    }
}
