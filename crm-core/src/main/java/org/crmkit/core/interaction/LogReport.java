package org.crmkit.core.interaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.crmkit.core.common.ValidationException;

/**
 * What {@link InteractionService#logAll} did with a batch of drafts: how many it read, logged and
 * skipped as already recorded, and which it rejected and why. Positions are 0-based, in the order
 * the input gave the drafts. To keep memory bounded for long inputs, it lists at most {@value
 * #MAX_LISTED} skipped positions and {@value #MAX_LISTED} rejections; the counts are always complete.
 * Immutable and thread-safe.
 */
public final class LogReport {
    /** The most skipped positions, and the most rejections, a report lists. */
    public static final int MAX_LISTED = 10_000;

    private final BulkMode mode;
    private final long read;
    private final long logged;
    private final long skipped;
    private final List<Long> skippedPositions;
    private final long rejected;
    private final List<Rejection> rejections;

    private LogReport(Tally tally) {
        this.mode = tally.mode;
        this.read = tally.read;
        this.logged = tally.logged;
        this.skipped = tally.skipped;
        this.skippedPositions = List.copyOf(tally.skippedPositions);
        this.rejected = tally.rejected;
        this.rejections = List.copyOf(tally.rejections);
    }

    /** The mode the batch was logged in. */
    public BulkMode mode() {
        return mode;
    }

    /** How many drafts were read from the input. */
    public long read() {
        return read;
    }

    /** How many interactions were recorded; 0 when {@link BulkMode#ALL_OR_NOTHING} rejected any draft. */
    public long logged() {
        return logged;
    }

    /**
     * How many drafts were not recorded because their external id was already recorded, or was
     * given by an earlier draft of the same input: each external id counts once.
     */
    public long skipped() {
        return skipped;
    }

    /** The positions of the skipped drafts, ascending; at most {@value #MAX_LISTED}. */
    public List<Long> skippedPositions() {
        return skippedPositions;
    }

    /** How many drafts were refused. */
    public long rejected() {
        return rejected;
    }

    /** The refused drafts with the field and reason, by ascending position; at most {@value #MAX_LISTED}. */
    public List<Rejection> rejections() {
        return rejections;
    }

    /** Whether no draft was refused. */
    public boolean isClean() {
        return rejected == 0;
    }

    /** Whether the report lists every skipped position and every rejection. */
    public boolean isComplete() {
        return skippedPositions.size() == skipped && rejections.size() == rejected;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LogReport r
                && mode == r.mode
                && read == r.read
                && logged == r.logged
                && skipped == r.skipped
                && rejected == r.rejected
                && skippedPositions.equals(r.skippedPositions)
                && rejections.equals(r.rejections);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mode, read, logged, skipped, rejected);
    }

    @Override
    public String toString() {
        return "LogReport[" + mode + ": read " + read + ", logged " + logged + ", skipped " + skipped + ", rejected "
                + rejected + (rejections.isEmpty() ? "" : ", first " + rejections.get(0)) + "]";
    }

    /**
     * One refused draft.
     *
     * @param position the draft's 0-based position in the input
     * @param field the field that was refused, as in {@link ValidationException#field()}
     * @param reason why, phrased for a user
     */
    public record Rejection(long position, String field, String reason) {
        /** Validates the rejection. */
        public Rejection {
            if (position < 0) {
                throw new ValidationException("position", "must not be negative");
            }
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Counts what a batch did as it goes; the service's working state. Not thread-safe. */
    static final class Tally {
        private final BulkMode mode;
        private long read;
        private long logged;
        private long skipped;
        private final List<Long> skippedPositions = new ArrayList<>();
        private long rejected;
        private final List<Rejection> rejections = new ArrayList<>();

        Tally(BulkMode mode) {
            this.mode = mode;
        }

        void read(long count) {
            read += count;
        }

        void logged(long count) {
            logged += count;
        }

        void skip(long position) {
            skipped++;
            if (skippedPositions.size() < MAX_LISTED) {
                skippedPositions.add(position);
            }
        }

        void reject(long position, String field, String reason) {
            rejected++;
            if (rejections.size() < MAX_LISTED) {
                rejections.add(new Rejection(position, field, reason));
            }
        }

        long read() {
            return read;
        }

        long rejected() {
            return rejected;
        }

        LogReport report() {
            return new LogReport(this);
        }
    }
}
