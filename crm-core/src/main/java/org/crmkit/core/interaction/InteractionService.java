package org.crmkit.core.interaction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.crmkit.core.common.Cancellation;
import org.crmkit.core.common.NotFoundException;
import org.crmkit.core.common.Page;
import org.crmkit.core.common.PageRequest;
import org.crmkit.core.common.ProgressListener;
import org.crmkit.core.common.ServiceContext;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerRepository;
import org.crmkit.core.interaction.InteractionEvent.InteractionCorrected;
import org.crmkit.core.interaction.InteractionEvent.InteractionLogged;

/**
 * The interaction history of one tenant, for one actor: log calls, e-mails, meetings and messages,
 * one at a time or in bulk, correct them, and read each customer's timeline and contact activity.
 * Obtain it from {@code crm.forTenant(tenant).as(actor).interactions()}.
 *
 * <p>Every interaction must name customers the tenant has. Logging is idempotent on the external id:
 * a draft whose external id is already recorded records nothing, publishes nothing and returns the
 * recorded interaction, so a host may re-deliver a call or message without care. Interactions are
 * never changed; a correction is a new record that supersedes the old one.
 *
 * <p>Every method is one unit of work (or joins the caller's), validates its input before writing
 * anything, stamps what it records with the clock and the actor, and publishes its events after
 * commit. Thread-safe.
 */
public final class InteractionService {
    /** How many drafts {@link #logAll} reads, checks and records at a time. */
    public static final int CHUNK_SIZE = 1000;

    private final ServiceContext context;
    private final InteractionRepository interactions;
    private final CustomerRepository customers;

    /** Creates the service; the {@code Crm} facade does this for hosts. */
    public InteractionService(
            ServiceContext context, InteractionRepository interactions, CustomerRepository customers) {
        this.context = Objects.requireNonNull(context, "context");
        this.interactions = Objects.requireNonNull(interactions, "interactions");
        this.customers = Objects.requireNonNull(customers, "customers");
    }

    /**
     * Logs the interaction {@code draft} describes, recorded now by the scope's actor; when its
     * external id is already recorded in the tenant, records nothing and returns the recorded
     * interaction.
     *
     * @return the recorded interaction
     * @throws ValidationException naming the first invalid field, or {@code interaction.participants}
     *     when a participant is not a customer of the tenant; nothing is recorded
     */
    public Interaction log(InteractionDraft draft) {
        ValidationException.requireNonNull(draft, "draft");
        Instant now = context.now();
        Interaction interaction = draft.toInteraction(newId(), context.tenant(), now, context.actor(), null);
        return recordOnce(interaction, existing -> true, () -> {
            checkParticipants(interaction);
            Optional<Interaction> existing = recorded(interaction);
            if (existing.isPresent()) {
                return existing.get();
            }
            Interaction stored = interactions.append(interaction);
            context.events().publish(new InteractionLogged(context.tenant(), now, context.actor(), stored));
            return stored;
        });
    }

    /**
     * Records {@code correction} as a new interaction that supersedes {@code original}: timelines
     * show the correction instead of the original from then on ({@link TimelineQuery#includingSuperseded}
     * shows both). Only the latest record of an interaction can be corrected. When the correction's
     * external id is already recorded for a correction of {@code original}, records nothing and
     * returns that one.
     *
     * @return the recorded correction
     * @throws NotFoundException when the tenant has no interaction {@code original}
     * @throws ValidationException naming {@code interaction.supersedes} when {@code original} is
     *     already superseded, or the first invalid field of the correction; nothing is recorded
     * @throws DuplicateInteractionException when the correction's external id is recorded for
     *     another interaction
     */
    public Interaction correct(InteractionId original, InteractionDraft correction) {
        ValidationException.requireNonNull(original, "interactionId");
        ValidationException.requireNonNull(correction, "draft");
        Instant now = context.now();
        Interaction interaction = correction.toInteraction(newId(), context.tenant(), now, context.actor(), original);
        Predicate<Interaction> sameCorrection =
                existing -> existing.supersedes().filter(original::equals).isPresent();
        return recordOnce(interaction, sameCorrection, () -> {
            interactions.findById(original).orElseThrow(() -> new NotFoundException("Interaction", original));
            Optional<Interaction> existing = recorded(interaction);
            if (existing.isPresent()) {
                if (sameCorrection.test(existing.get())) {
                    return existing.get();
                }
                throw new DuplicateInteractionException(
                        "externalId", interaction.externalId().orElseThrow());
            }
            Optional<Interaction> later = interactions.findCorrection(original);
            if (later.isPresent()) {
                throw alreadySuperseded(original, later.get().id());
            }
            checkParticipants(interaction);
            Interaction stored = interactions.append(interaction);
            context.events()
                    .publish(new InteractionCorrected(context.tenant(), now, context.actor(), original, stored));
            return stored;
        });
    }

    /**
     * Logs every draft of {@code drafts}, as {@link #logAll(Iterable, BulkMode, ProgressListener,
     * Cancellation)} does, without progress reports or cancellation.
     */
    public LogReport logAll(Iterable<? extends InteractionDraft> drafts, BulkMode mode) {
        return logAll(drafts, mode, ProgressListener.NONE, Cancellation.none());
    }

    /**
     * Logs every draft of {@code drafts}, reading the input once, {@value #CHUNK_SIZE} drafts at a
     * time. A draft is <em>rejected</em> when it is invalid (or null) or names a customer the tenant
     * lacks; otherwise it is <em>skipped</em> when its external id is already recorded or was given by
     * an earlier draft of the input that was not rejected; otherwise it is <em>logged</em>, publishing
     * an {@link InteractionLogged} event. What happens to the logged ones when some are rejected is
     * {@code mode}'s: {@link BulkMode#KEEP_VALID} records them chunk by chunk, in a unit of work per
     * chunk, and {@link BulkMode#ALL_OR_NOTHING} records them in one unit of work at the end, and
     * none at all (reporting {@code logged() == 0}) when any draft was rejected.
     *
     * @param progress hears, after each chunk, how many drafts were read and how many the input
     *     holds ({@code -1} unless it is a {@link Collection})
     * @param cancellation checked before each chunk is read; cancelling after the last one changes nothing
     * @return what was done with each draft, by 0-based position
     * @throws org.crmkit.core.common.CancelledException when cancelled; with {@link
     *     BulkMode#KEEP_VALID} the chunks recorded before stay recorded, with {@link
     *     BulkMode#ALL_OR_NOTHING} nothing is recorded
     */
    public LogReport logAll(
            Iterable<? extends InteractionDraft> drafts,
            BulkMode mode,
            ProgressListener progress,
            Cancellation cancellation) {
        ValidationException.requireNonNull(drafts, "drafts");
        ValidationException.requireNonNull(mode, "mode");
        ValidationException.requireNonNull(progress, "progress");
        ValidationException.requireNonNull(cancellation, "cancellation");
        long total = drafts instanceof Collection<?> c ? c.size() : -1;
        LogReport.Tally tally = new LogReport.Tally(mode);
        Iterator<? extends InteractionDraft> input = drafts.iterator();
        if (mode == BulkMode.KEEP_VALID) {
            while (input.hasNext()) {
                cancellation.throwIfCancelled("Logging interactions");
                List<InteractionDraft> chunk = nextChunk(input);
                long start = tally.read();
                Supplier<Checked> unit = () -> {
                    Checked checked = check(chunk, start, context.now(), new HashSet<>(), false);
                    checked.recorded(recordSkippingRecorded(checked.accepted));
                    return checked;
                };
                Checked done;
                try {
                    done = context.transactions().inTransaction(unit);
                } catch (DuplicateInteractionException e) {
                    if (!e.field().equals("externalId")) {
                        throw e;
                    }
                    // another writer recorded one of the chunk's external ids after the check: check again
                    done = context.transactions().inTransaction(unit);
                }
                done.addTo(tally);
                tally.logged(done.accepted.size());
                progress.onProgress(tally.read(), total);
            }
            return tally.report();
        }
        return context.transactions().inTransaction(() -> {
            Instant now = context.now();
            Set<String> seen = new HashSet<>();
            List<Interaction> accepted = new ArrayList<>();
            while (input.hasNext()) {
                cancellation.throwIfCancelled("Logging interactions");
                List<InteractionDraft> chunk = nextChunk(input);
                Checked checked = check(chunk, tally.read(), now, seen, true);
                checked.addTo(tally);
                if (tally.rejected() == 0) {
                    accepted.addAll(checked.accepted);
                } else {
                    accepted.clear(); // nothing will be recorded; keep checking to report every rejection
                }
                progress.onProgress(tally.read(), total);
            }
            if (tally.rejected() == 0) {
                for (int from = 0; from < accepted.size(); from += CHUNK_SIZE) {
                    record(accepted.subList(from, Math.min(accepted.size(), from + CHUNK_SIZE)));
                }
                tally.logged(accepted.size());
            }
            return tally.report();
        });
    }

    /** The interaction with {@code id}, superseded or not, if the tenant has it. */
    public Optional<Interaction> find(InteractionId id) {
        return interactions.findById(ValidationException.requireNonNull(id, "interactionId"));
    }

    /**
     * The interaction with {@code id}, superseded or not.
     *
     * @throws NotFoundException when the tenant has no such interaction
     */
    public Interaction get(InteractionId id) {
        return find(id).orElseThrow(() -> new NotFoundException("Interaction", id));
    }

    /** The interaction recorded with exactly this external id, if any. */
    public Optional<Interaction> findByExternalId(String externalId) {
        return interactions.findByExternalId(ValidationException.requireNonNull(externalId, "externalId"));
    }

    /** The correction that supersedes the interaction {@code id}, if one was recorded. */
    public Optional<Interaction> correctionOf(InteractionId id) {
        return interactions.findCorrection(ValidationException.requireNonNull(id, "interactionId"));
    }

    /**
     * One page of the timeline of {@code customer}: the interactions the customer took part in that
     * {@code query} selects, newest first; an empty page for a customer the tenant lacks.
     */
    public Page<Interaction> timeline(CustomerId customer, TimelineQuery query, PageRequest page) {
        return interactions.timeline(
                ValidationException.requireNonNull(customer, "customerId"),
                ValidationException.requireNonNull(query, "query"),
                ValidationException.requireNonNull(page, "page"));
    }

    /** The first page of {@code size} of the timeline of {@code customer}, every channel, newest first. */
    public Page<Interaction> timeline(CustomerId customer, int size) {
        return timeline(customer, TimelineQuery.all(), PageRequest.first(size));
    }

    /**
     * How much contact {@code customer} had on each channel, superseded interactions left out, in
     * the order of {@link org.crmkit.core.common.Channel}; empty when there was none.
     */
    public List<ChannelActivity> activity(CustomerId customer) {
        return interactions.activity(ValidationException.requireNonNull(customer, "customerId"));
    }

    private InteractionId newId() {
        return new InteractionId(context.ids().next());
    }

    /**
     * Runs {@code work} in a unit of work; when another writer recorded the interaction's external
     * id between the check and the append, returns what that writer recorded if {@code acceptable}.
     */
    private Interaction recordOnce(
            Interaction interaction, Predicate<Interaction> acceptable, Supplier<Interaction> work) {
        try {
            return context.transactions().inTransaction(work);
        } catch (DuplicateInteractionException e) {
            if (e.field().equals("supersedes")) {
                throw alreadySuperseded(interaction.supersedes().orElseThrow(), null);
            }
            if (!e.field().equals("externalId") || interaction.externalId().isEmpty()) {
                throw e;
            }
            Optional<Interaction> existing;
            try {
                existing =
                        interactions.findByExternalId(interaction.externalId().get());
            } catch (RuntimeException again) {
                e.addSuppressed(again);
                throw e;
            }
            return existing.filter(acceptable).orElseThrow(() -> e);
        }
    }

    private Optional<Interaction> recorded(Interaction interaction) {
        return interaction.externalId().flatMap(interactions::findByExternalId);
    }

    private void checkParticipants(Interaction interaction) {
        List<CustomerId> wanted = interaction.customers();
        Set<CustomerId> known = known(wanted);
        for (CustomerId id : wanted) {
            if (!known.contains(id)) {
                throw unknownCustomer(id);
            }
        }
    }

    private Set<CustomerId> known(Collection<CustomerId> ids) {
        return customers.existingIds(ids);
    }

    private static ValidationException unknownCustomer(CustomerId id) {
        return new ValidationException("interaction.participants", "customer " + id + " does not exist in this tenant");
    }

    private static ValidationException alreadySuperseded(InteractionId original, InteractionId by) {
        return new ValidationException(
                "interaction.supersedes",
                "interaction " + original + " is already superseded" + (by != null ? " by " + by : "")
                        + "; correct the latest record instead");
    }

    private static List<InteractionDraft> nextChunk(Iterator<? extends InteractionDraft> input) {
        List<InteractionDraft> chunk = new ArrayList<>(CHUNK_SIZE);
        while (chunk.size() < CHUNK_SIZE && input.hasNext()) {
            chunk.add(input.next());
        }
        return chunk;
    }

    /**
     * Checks the drafts of one chunk, the first at position {@code start}: builds each interaction,
     * checks its participants, and sets aside those whose external id is recorded or in {@code seen}
     * (to which it adds the rest).
     */
    private Checked check(
            List<InteractionDraft> chunk, long start, Instant now, Set<String> seen, boolean lookUpRecorded) {
        int n = chunk.size();
        Interaction[] built = new Interaction[n];
        String[] fields = new String[n];
        String[] reasons = new String[n];
        boolean[] skipped = new boolean[n];
        Set<CustomerId> wanted = new LinkedHashSet<>();
        for (int i = 0; i < n; i++) {
            try {
                InteractionDraft draft = ValidationException.requireNonNull(chunk.get(i), "draft");
                built[i] = draft.toInteraction(newId(), context.tenant(), now, context.actor(), null);
                wanted.addAll(built[i].customers());
            } catch (ValidationException e) {
                fields[i] = e.field();
                reasons[i] = e.reason();
            }
        }
        Set<CustomerId> known = wanted.isEmpty() ? Set.of() : known(wanted);
        Set<String> externalIds = new LinkedHashSet<>();
        for (int i = 0; i < n; i++) {
            if (built[i] == null) {
                continue;
            }
            for (CustomerId id : built[i].customers()) {
                if (!known.contains(id)) {
                    ValidationException e = unknownCustomer(id);
                    fields[i] = e.field();
                    reasons[i] = e.reason();
                    built[i] = null;
                    break;
                }
            }
            if (built[i] != null) {
                built[i].externalId().ifPresent(externalIds::add);
            }
        }
        Set<String> recorded =
                externalIds.isEmpty() || !lookUpRecorded ? Set.of() : interactions.existingExternalIds(externalIds);
        List<Interaction> accepted = new ArrayList<>(n);
        int[] positions = new int[n];
        for (int i = 0; i < n; i++) {
            if (built[i] == null) {
                continue;
            }
            Optional<String> externalId = built[i].externalId();
            if (externalId.isPresent() && (recorded.contains(externalId.get()) || !seen.add(externalId.get()))) {
                skipped[i] = true;
            } else {
                positions[accepted.size()] = i;
                accepted.add(built[i]);
            }
        }
        return new Checked(start, fields, reasons, skipped, accepted, positions);
    }

    /**
     * Appends those of {@code accepted} whose external id is not recorded yet as one batch and
     * returns them, published.
     */
    private List<Interaction> recordSkippingRecorded(List<Interaction> accepted) {
        return accepted.isEmpty() ? List.of() : published(interactions.appendAllSkippingRecorded(accepted));
    }

    /** Appends {@code accepted} as one batch, published. */
    private void record(List<Interaction> accepted) {
        if (!accepted.isEmpty()) {
            published(interactions.appendAll(accepted));
        }
    }

    /** Publishes an {@link InteractionLogged} for each of {@code stored}, after commit; returns them. */
    private List<Interaction> published(List<Interaction> stored) {
        for (Interaction interaction : stored) {
            context.events()
                    .publish(new InteractionLogged(
                            context.tenant(), interaction.recordedAt(), context.actor(), interaction));
        }
        return stored;
    }

    /** What checking one chunk found: a rejection or a skip per position, and the interactions to record. */
    private static final class Checked {
        final long start;
        final String[] fields;
        final String[] reasons;
        final boolean[] skipped;
        /** The interactions to record; after {@link #recorded}, those recorded. */
        List<Interaction> accepted;
        /** The position in the chunk of each accepted interaction. */
        final int[] positions;

        Checked(
                long start,
                String[] fields,
                String[] reasons,
                boolean[] skipped,
                List<Interaction> accepted,
                int[] positions) {
            this.start = start;
            this.fields = fields;
            this.reasons = reasons;
            this.skipped = skipped;
            this.accepted = accepted;
            this.positions = positions;
        }

        /** Marks the accepted interactions the store did not record (recorded already) as skipped. */
        void recorded(List<Interaction> stored) {
            if (stored.size() < accepted.size()) {
                Set<InteractionId> ids = new HashSet<>();
                stored.forEach(i -> ids.add(i.id()));
                for (int a = 0; a < accepted.size(); a++) {
                    if (!ids.contains(accepted.get(a).id())) {
                        skipped[positions[a]] = true;
                    }
                }
            }
            accepted = stored;
        }

        void addTo(LogReport.Tally tally) {
            for (int i = 0; i < skipped.length; i++) {
                if (fields[i] != null) {
                    tally.reject(start + i, fields[i], reasons[i]);
                } else if (skipped[i]) {
                    tally.skip(start + i);
                }
            }
            tally.read(skipped.length);
        }
    }
}
