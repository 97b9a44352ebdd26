package com.buildcrm.board;

import com.buildcrm.board.BoardViews.BoardResponse;
import com.buildcrm.board.BoardViews.ColumnResponse;
import com.buildcrm.board.BoardViews.StageCard;
import com.buildcrm.lead.LeadFilter;
import com.buildcrm.lead.LeadFilterParams;
import com.buildcrm.lead.LeadService;
import com.buildcrm.lead.LeadViews.LeadPage;
import com.buildcrm.pipeline.Stage;
import com.buildcrm.tenancy.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Kanban board: every stage in position order with the number of visible leads matching the
 * filters (up to {@link LeadService#COUNT_CAP}, ADR 043) and the first page of them (score, then
 * last activity). One read-only transaction, so counts and pages agree; a constant number of
 * queries however many stages (ADR 036).
 */
@ApplicationScoped
public class BoardService {

    @Inject TenantData data;
    @Inject LeadService leads;

    public BoardResponse board(LeadFilterParams params, int limit) {
        int size = LeadService.pageSize(limit);
        return data.read(
                em -> {
                    LeadFilter filter = leads.filter(params);
                    List<Stage> stages =
                            em.createQuery(
                                            "SELECT s FROM Stage s ORDER BY s.position, s.id",
                                            Stage.class)
                                    .getResultList();
                    LeadService.Columns found =
                            leads.columns(
                                    em, filter, stages.stream().map(Stage::id).toList(), size);
                    Map<Long, Long> counts = found.counts();
                    Map<Long, LeadPage> pages = found.pages();
                    List<ColumnResponse> columns = new ArrayList<>();
                    for (Stage s : stages) {
                        LeadPage page =
                                pages.getOrDefault(s.id(), LeadPage.uncounted(List.of(), null));
                        LeadService.Capped count =
                                LeadService.Capped.of(counts.getOrDefault(s.id(), 0L));
                        columns.add(
                                new ColumnResponse(
                                        new StageCard(
                                                s.id(),
                                                s.name(),
                                                s.role(),
                                                s.position(),
                                                s.color()),
                                        count.value(),
                                        count.capped(),
                                        page.items(),
                                        page.nextCursor()));
                    }
                    return new BoardResponse(columns);
                });
    }
}
