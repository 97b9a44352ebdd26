/**
 * What an integrator uses to test an industry pack from plain JUnit:
 *
 * <ul>
 *   <li>{@link com.buildcrm.testkit.PackContract#verify} — one call that checks the pack follows
 *       the contract (core fields, labels and questions in both locales, price-minimum fields,
 *       greeting media, follow-ups, settings, industry prompt);
 *   <li>{@link com.buildcrm.testkit.PackContract#verifyRobustness} — random messages through the
 *       pack's extractor: it never throws, and every value it finds fits the schema;
 *   <li>{@link com.buildcrm.testkit.PackJar} — the built jar loads with PF4J the way the platform
 *       loads it;
 *   <li>{@link com.buildcrm.testkit.Dialogue} — a scripted conversation with the AI manager and
 *       expectations on fields, stage, temperature, score and replies; a failing expectation prints
 *       the whole transcript.
 * </ul>
 *
 * <pre>{@code
 * Dialogue.with(new MyPack())
 *         .client("Здравствуйте! Мы из Алматы")
 *         .expectField("city", "Алматы")
 *         .expectStage(StageRole.PARTIAL_DATA);
 * }</pre>
 */
package com.buildcrm.testkit;
