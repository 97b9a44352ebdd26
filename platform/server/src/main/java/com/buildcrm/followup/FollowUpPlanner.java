package com.buildcrm.followup;

import com.buildcrm.followup.Decision.Reason;
import com.buildcrm.followup.FollowUpPolicy.Step;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The follow-up rules (brief §7, DESIGN §6) as pure functions: when a step falls due and what to do
 * when it does. No clock of its own — every instant comes in, so tests are exact and two server
 * instances compute the same answer.
 */
public final class FollowUpPlanner {

    private static final Pattern PLACEHOLDER =
            Pattern.compile("\\{\\s*name\\s*\\}", Pattern.CASE_INSENSITIVE);
    private static final Pattern BETWEEN_COMMAS =
            Pattern.compile(",\\s*" + PLACEHOLDER.pattern() + "\\s*,", Pattern.CASE_INSENSITIVE);

    /** The placeholder opening a sentence, with the punctuation that follows it. */
    private static final Pattern SENTENCE_START =
            Pattern.compile(
                    "(^\\s*|[.!?…]\\s*)" + PLACEHOLDER.pattern() + "\\s*[,!.:;—–-]?\\s*",
                    Pattern.CASE_INSENSITIVE);

    private static final Pattern WITH_LEADING_COMMA =
            Pattern.compile("[\\s,]*" + PLACEHOLDER.pattern(), Pattern.CASE_INSENSITIVE);
    private static final Pattern SPACE_BEFORE_PUNCTUATION = Pattern.compile("\\s+([,.!?;:])");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private FollowUpPlanner() {}

    /**
     * When step {@code stepIndex} should be sent: {@code armedAt} + the step's delay, but not
     * sooner than {@code lastOutboundAt} + the minimum spacing; if that lands in quiet hours in
     * {@code zone}, the end of the window plus a jitter in {@code [0, jitterMinutes)} derived from
     * {@code leadId} and {@code stepIndex}.
     *
     * @param lastOutboundAt the last outbound message to the lead, or {@code null}
     * @throws IllegalArgumentException when the policy has no such step
     */
    public static Instant dueAt(
            FollowUpPolicy p,
            ZoneId zone,
            Instant armedAt,
            int stepIndex,
            Instant lastOutboundAt,
            long leadId) {
        Objects.requireNonNull(armedAt, "armedAt");
        Step step = step(p, stepIndex);
        Instant nominal = armedAt.plus(Duration.ofMinutes(step.delayMinutes()));
        return earliestSendable(p, zone, nominal, lastOutboundAt, leadId, stepIndex);
    }

    /**
     * What to do now with step {@code stepIndex} of this lead's sequence. Checked in this order:
     * cancellations (client replied, closed as WON/LOST, taken over, handed off, AI off for the
     * tenant, AI off for the lead, not interested); then {@link Decision.Finish} when there is no
     * such step or the cap per silence is reached; then {@link Decision.Postpone} in quiet hours or
     * before the minimum spacing; then {@link Decision.SkipDuplicate} when the text was already
     * sent to the lead (or renders empty); else {@link Decision.Send}.
     */
    public static Decision decide(
            FollowUpPolicy p, LeadFacts lead, int stepIndex, Instant now, ZoneId zone) {
        Objects.requireNonNull(p, "policy");
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(zone, "zone");
        if (stepIndex < 0) {
            throw new IllegalArgumentException("stepIndex must not be negative: " + stepIndex);
        }
        Optional<Reason> cancel = cancellation(lead);
        if (cancel.isPresent()) {
            return new Decision.Cancel(cancel.get());
        }
        if (stepIndex >= p.steps().size() || lead.sentInThisSilence() >= p.capPerSilence()) {
            return new Decision.Finish();
        }
        Instant sendable =
                earliestSendable(p, zone, now, lead.lastOutboundAt(), lead.leadId(), stepIndex);
        if (sendable.isAfter(now)) {
            return new Decision.Postpone(sendable);
        }
        String template = p.steps().get(stepIndex).text();
        String text = render(template, lead.name());
        if (text.isBlank() || wasSent(template, text, lead.sentTexts())) {
            return new Decision.SkipDuplicate();
        }
        return new Decision.Send(text);
    }

    /** The first reason, in priority order, to stop the sequence for this lead; empty when none. */
    public static Optional<Reason> cancellation(LeadFacts lead) {
        if (lead.clientWroteAfterArm()) {
            return Optional.of(Reason.CLIENT_REPLIED);
        }
        if (lead.inClosedStage()) {
            return Optional.of(Reason.CLOSED);
        }
        if (lead.handledByHuman()) {
            return Optional.of(Reason.TAKEN_OVER);
        }
        if (lead.needsHuman()) {
            return Optional.of(Reason.HANDED_OFF);
        }
        if (!lead.aiEnabledTenant()) {
            return Optional.of(Reason.AI_OFF_TENANT);
        }
        if (!lead.aiEnabledLead()) {
            return Optional.of(Reason.AI_OFF_LEAD);
        }
        if (lead.notInterested()) {
            return Optional.of(Reason.NOT_INTERESTED);
        }
        return Optional.empty();
    }

    /**
     * The text with {@code {name}} replaced by the client's name. With no name the placeholder goes
     * together with the comma and space around it, and a sentence that started with it gets a
     * capital letter: "Подскажите, {name}, актуально?" → "Подскажите, актуально?"; "{name}, добрый
     * день!" → "Добрый день!".
     */
    public static String render(String template, String name) {
        Objects.requireNonNull(template, "template");
        if (!PLACEHOLDER.matcher(template).find()) {
            return template.trim();
        }
        String cleanName = name == null ? "" : WHITESPACE.matcher(name.trim()).replaceAll(" ");
        if (!cleanName.isEmpty()) {
            return PLACEHOLDER
                    .matcher(template)
                    .replaceAll(Matcher.quoteReplacement(cleanName))
                    .trim();
        }
        String text = BETWEEN_COMMAS.matcher(template).replaceAll(",");
        text = dropAtSentenceStarts(text);
        text = WITH_LEADING_COMMA.matcher(text).replaceAll("");
        text = SPACE_BEFORE_PUNCTUATION.matcher(text).replaceAll("$1");
        return WHITESPACE.matcher(text).replaceAll(" ").trim();
    }

    /** The form texts are compared in: trimmed, whitespace collapsed, case-insensitive. */
    public static String normalise(String text) {
        return WHITESPACE.matcher(text.trim()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    /**
     * The deterministic jitter for a lead's step, in {@code [0, jitterMinutes)} at one-second
     * resolution: the same on every instance, spread across leads.
     */
    public static Duration jitter(int jitterMinutes, long leadId, int stepIndex) {
        if (jitterMinutes <= 0) {
            return Duration.ZERO;
        }
        long seconds = Math.floorMod(mix(leadId * 31 + stepIndex), jitterMinutes * 60L);
        return Duration.ofSeconds(seconds);
    }

    private static Instant earliestSendable(
            FollowUpPolicy p,
            ZoneId zone,
            Instant candidate,
            Instant lastOutboundAt,
            long leadId,
            int stepIndex) {
        Objects.requireNonNull(zone, "zone");
        Instant at = candidate;
        if (lastOutboundAt != null) {
            Instant spaced = lastOutboundAt.plus(Duration.ofMinutes(p.minSpacingMinutes()));
            if (spaced.isAfter(at)) {
                at = spaced;
            }
        }
        QuietHours quiet = p.quietHours();
        if (!quiet.contains(at, zone)) {
            return at;
        }
        Instant end = quiet.endOfWindow(at, zone);
        Instant jittered = end.plus(jitter(p.jitterMinutes(), leadId, stepIndex));
        // A jitter longer than the day's sending window would land in the next quiet hours.
        return quiet.contains(jittered, zone) ? end : jittered;
    }

    private static Step step(FollowUpPolicy p, int stepIndex) {
        Objects.requireNonNull(p, "policy");
        if (stepIndex < 0 || stepIndex >= p.steps().size()) {
            throw new IllegalArgumentException(
                    "no step " + stepIndex + " in a policy of " + p.steps().size());
        }
        return p.steps().get(stepIndex);
    }

    /**
     * Sent before, also in another form of the same template: the lead's name may have become
     * known, changed or been removed since.
     */
    private static boolean wasSent(String template, String text, Set<String> sentTexts) {
        if (sentTexts.isEmpty()) {
            return false;
        }
        Set<String> sent = new HashSet<>();
        for (String s : sentTexts) {
            sent.add(normalise(s));
        }
        if (sent.contains(normalise(text)) || sent.contains(normalise(render(template, null)))) {
            return true;
        }
        if (!PLACEHOLDER.matcher(template).find()) {
            return false;
        }
        Pattern anyName = templatePattern(template);
        return sent.stream().anyMatch(s -> anyName.matcher(s).matches());
    }

    /** The normalised template with {@code {name}} standing for any short name. */
    private static Pattern templatePattern(String template) {
        String[] parts = PLACEHOLDER.split(normalise(template), -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(".{1,80}?");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString());
    }

    /** "{name}, добрый день!" → "Добрый день!": the word after the name now opens the sentence. */
    private static String dropAtSentenceStarts(String text) {
        Matcher m = SENTENCE_START.matcher(text);
        StringBuilder out = new StringBuilder();
        int from = 0;
        while (m.find()) {
            out.append(text, from, m.start());
            String before = m.group(1).strip();
            if (!before.isEmpty()) {
                out.append(before).append(' ');
            }
            from = m.end();
            if (from < text.length() && Character.isLetter(text.codePointAt(from))) {
                int next = text.codePointAt(from);
                out.appendCodePoint(Character.toUpperCase(next));
                from += Character.charCount(next);
            }
        }
        return out.append(text, from, text.length()).toString();
    }

    /** SplitMix64's finaliser: neighbouring lead ids get unrelated jitters. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
