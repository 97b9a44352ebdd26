package com.buildcrm.ai;

import com.buildcrm.brain.KnowledgeBase;
import com.buildcrm.plugin.api.IndustryPack;

/**
 * The knowledge base a tenant's AI turn answers from right now, for the operator's preview (ADR
 * 037). Implemented by the knowledge package (which depends on this one), found by CDI.
 */
public interface PreviewKnowledge {

    /**
     * The tenant's saved base, or the pack's defaults while none is saved.
     *
     * @throws com.buildcrm.web.ApiProblem 404 when there is no such tenant
     */
    KnowledgeBase forPreview(long tenantId, IndustryPack pack, String packId, String locale);
}
