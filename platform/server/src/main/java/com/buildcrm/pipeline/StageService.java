package com.buildcrm.pipeline;

import com.buildcrm.tenancy.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The company's funnel stages. */
@ApplicationScoped
public class StageService {

    @Inject TenantData data;

    public List<Stage> inOrder() {
        return data.tx(
                em ->
                        em.createQuery(
                                        "SELECT s FROM Stage s ORDER BY s.position, s.id",
                                        Stage.class)
                                .getResultList());
    }
}
