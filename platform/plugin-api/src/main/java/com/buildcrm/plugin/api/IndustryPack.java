package com.buildcrm.plugin.api;

import java.util.List;
import java.util.Optional;
import org.pf4j.ExtensionPoint;

/**
 * An industry pack: what one industry adds to the universal AI manager. The platform loads packs
 * with PF4J and picks one per tenant. Implementations receive and return immutable records only;
 * they never see entities, the database or server classes. Every call is guarded by the platform (a
 * time limit; an exception or a slow answer makes the tenant fall back to {@code generic-sales}),
 * so implementations should be fast, pure functions.
 *
 * <p>How this contract grows (ADR 016): the methods below are the 1.0 contract and stay abstract. A
 * method added in a later 1.x release is a {@code default} method with an answer that is right for
 * a pack that does not know it, so a pack compiled against 1.0 keeps loading; the build's japicmp
 * check and {@code BaselineCompatibilityTest} fail on an abstract addition. Removing or changing a
 * method needs a new major version.
 */
public interface IndustryPack extends ExtensionPoint {

    /** The pack's identity; {@link PackDescriptor#id()} equals the PF4J plugin id. */
    PackDescriptor descriptor();

    /**
     * The qualification fields the AI manager collects, in the order it asks for them. Must contain
     * the core keys {@code name}, {@code city} and {@code preferred_call_time}.
     */
    List<QualificationField> qualificationSchema();

    /**
     * The pack-specific values in one client message. The platform extracts the core keys ({@code
     * name}, {@code city}, {@code preferred_call_time}) itself; a pack may return them too, and
     * then its values win.
     */
    Extraction extract(ExtractionRequest request);

    /**
     * The fields the AI manager tries to learn before it talks about price (brief §6.4), a subset
     * of the schema's keys.
     */
    List<String> priceMinimumFields();

    /** Industry knowledge for the LLM brain's system prompt, in the given locale. */
    String industryPrompt(String locale);

    /** Advice the lead's data calls for now (empty when none); each key is given once per lead. */
    List<Advice> advise(AdviceRequest request);

    /** The default first-contact chain (brief §6.1), used until the operator sets one. */
    List<GreetingStep> defaultGreeting(String locale);

    /** The default follow-up steps (brief §7), used until the operator sets a policy. */
    List<FollowUpText> defaultFollowUps(String locale);

    /** The settings the operator fills in per tenant for this pack (may be empty). */
    List<PackSetting> settingsSchema();

    /** A media file bundled in the pack, by the name greeting steps use. */
    Optional<PackMedia> media(String name);

    /**
     * The knowledge base a new tenant of this pack starts with (ADR 032): frequent questions with
     * their answers and short documents, in the given locale. The operator edits them per tenant;
     * the AI manager answers only from them. Packs usually read a bundled resource with {@link
     * KnowledgeEntry#parse}. Added after 1.0 (a default method, ADR 016): an empty base.
     */
    default List<KnowledgeEntry> defaultKnowledge(String locale) {
        return List.of();
    }

    /**
     * The question for {@code key} asked again in other words, after the client's answer fitted a
     * different question ({@link Extraction#unclear()}): it should explain what is meant, not
     * repeat the schema's question. Asked once; a second unclear answer moves the dialogue on.
     *
     * @param key a key of the qualification schema
     * @param locale {@code ru} or {@code en}
     * @return the rephrased question, or {@code null} to let the platform rephrase it generically
     * @since 1.1
     */
    default String clarifyingQuestion(String key, String locale) {
        return null;
    }
}
