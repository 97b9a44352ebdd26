/**
 * The AI manager's pure core (no I/O, no container): a {@link com.buildcrm.brain.Brain} proposes
 * {@link com.buildcrm.brain.Action actions}, {@link com.buildcrm.brain.ActionValidator} checks them
 * against the pack's schema, and {@link com.buildcrm.brain.TurnEngine} applies them by the pipeline
 * rules (stage, score, temperature, events). {@link com.buildcrm.brain.RuleBrain} is the offline
 * default and the fallback; {@link com.buildcrm.brain.Conversation} runs the whole turn in memory
 * for tests and previews.
 */
package com.buildcrm.brain;
