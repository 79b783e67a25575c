package org.crmkit.testkit;

import org.quicktheories.QuickTheory;

/**
 * How the contracts run their properties: a fixed seed, so every run (and every store) sees the
 * same examples, and few shrink cycles, because each cycle writes to the store. The seed and the
 * number of examples can be changed for one run with {@code -Dcrmkit.testkit.seed=…} and {@code
 * -Dcrmkit.testkit.examples=…} (a factor, such as 10, applied to each property's own count).
 */
final class Theories {
    /** The seed every property starts from unless {@code crmkit.testkit.seed} says otherwise. */
    static final long DEFAULT_SEED = 20_240_501L;

    private Theories() {}

    /** A QuickTheories run of {@code examples} examples (times the configured factor) on the seed. */
    static QuickTheory qt(int examples) {
        long seed = Long.getLong("crmkit.testkit.seed", DEFAULT_SEED);
        int factor = Integer.getInteger("crmkit.testkit.examples", 1);
        return QuickTheory.qt()
                .withFixedSeed(seed)
                .withExamples(Math.max(1, examples * factor))
                .withShrinkCycles(Math.max(10, examples));
    }
}
