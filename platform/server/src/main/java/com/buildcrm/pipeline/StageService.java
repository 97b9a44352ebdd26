package com.buildcrm.pipeline;

import com.buildcrm.tenancy.TenantData;
import com.buildcrm.web.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The company's funnel stages. Owners and heads of sales add custom stages, rename and recolour any
 * stage, reorder them and delete empty custom stages; system stages (with a role the AI and the
 * analytics rely on) can be renamed and recoloured but never deleted.
 */
@ApplicationScoped
public class StageService {

    static final String COLOR = "#[0-9a-fA-F]{6}";
    static final int MAX_STAGES = 20;

    @Inject TenantData data;

    public List<Stage> inOrder() {
        return data.tx(StageService::ordered);
    }

    public Stage create(String name, String color) {
        String n = name(name);
        String c = color(color, "#868e96");
        return data.tx(
                em -> {
                    List<Stage> all = ordered(em);
                    if (all.size() >= MAX_STAGES) {
                        throw ApiProblem.conflict(
                                "too-many-stages",
                                "A funnel has at most " + MAX_STAGES + " stages");
                    }
                    int last = all.isEmpty() ? 0 : all.get(all.size() - 1).position();
                    Stage stage = new Stage(n, c, last + 1);
                    em.persist(stage);
                    em.flush();
                    return stage;
                });
    }

    public Stage update(long id, String name, String color) {
        return data.tx(
                em -> {
                    Stage stage = find(em, id);
                    if (name != null) {
                        stage.rename(name(name));
                    }
                    if (color != null) {
                        stage.recolor(color(color, null));
                    }
                    return stage;
                });
    }

    public void delete(long id) {
        data.tx(
                em -> {
                    Stage stage = find(em, id);
                    if (stage.role() != null) {
                        throw ApiProblem.conflict(
                                "system-stage",
                                "A system stage ("
                                        + stage.role()
                                        + ") cannot be deleted; rename it instead");
                    }
                    long leads =
                            em.createQuery(
                                            "SELECT COUNT(l) FROM Lead l WHERE l.stageId = :s",
                                            Long.class)
                                    .setParameter("s", id)
                                    .getSingleResult();
                    if (leads > 0) {
                        throw ApiProblem.conflict(
                                "stage-not-empty",
                                "The stage still holds " + leads + " lead(s); move them first");
                    }
                    em.remove(stage);
                    return null;
                });
    }

    /** New order: every stage id exactly once. */
    public List<Stage> reorder(List<Long> ids) {
        return data.tx(
                em -> {
                    List<Stage> all = ordered(em);
                    Set<Long> expected = new HashSet<>();
                    all.forEach(s -> expected.add(s.id()));
                    if (ids == null
                            || ids.size() != all.size()
                            || !expected.equals(new HashSet<>(ids))) {
                        throw ApiProblem.invalidField(
                                "ids", "every stage id of the funnel exactly once");
                    }
                    for (int i = 0; i < ids.size(); i++) {
                        em.find(Stage.class, ids.get(i)).moveTo(i + 1);
                    }
                    em.flush();
                    return ordered(em);
                });
    }

    private static Stage find(EntityManager em, long id) {
        Stage stage = em.find(Stage.class, id);
        if (stage == null) {
            throw ApiProblem.notFound("Stage " + id);
        }
        return stage;
    }

    private static List<Stage> ordered(EntityManager em) {
        return em.createQuery("SELECT s FROM Stage s ORDER BY s.position, s.id", Stage.class)
                .getResultList();
    }

    private static String name(String name) {
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw ApiProblem.invalidField("name", "1–100 characters");
        }
        return name.strip();
    }

    private static String color(String color, String fallback) {
        if (color == null) {
            return fallback;
        }
        if (!color.matches(COLOR)) {
            throw ApiProblem.invalidField("color", "a colour like #12b886");
        }
        return color.toLowerCase(java.util.Locale.ROOT);
    }
}
