package org.crmkit.benchmarks;

import java.time.Instant;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The building blocks the seeded data generators share: scattering a seed, drawing by shares, and
 * version-7 ids that are unique by construction. Not instantiable.
 */
final class Seeds {
    private Seeds() {}

    /** SplitMix64's finaliser (Stafford's variant 13): a bijection of {@code long} that scatters nearby values. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The random source of item {@code position} of the generator of {@code seed}. */
    static SplittableRandom random(long seed, long position) {
        return new SplittableRandom(mix64(seed * 0xBF58476D1CE4E5B9L + position));
    }

    /** An index drawn with probability {@code shares[i]}; the last takes what the others leave. */
    static int pick(SplittableRandom random, double[] shares) {
        double u = random.nextDouble();
        for (int i = 0; i < shares.length - 1; i++) {
            u -= shares[i];
            if (u < 0) {
                return i;
            }
        }
        return shares.length - 1;
    }

    /** A version-7 UUID of {@code at}'s millisecond whose low 34 bits are {@code position}. */
    static UUID uuid7(Instant at, SplittableRandom random, long position) {
        long msb = (at.toEpochMilli() << 16) | 0x7000L | random.nextInt(0x1000);
        long lsb = 0x8000_0000_0000_0000L | ((random.nextLong() & 0x0FFF_FFFFL) << 34) | position;
        return new UUID(msb, lsb);
    }

    /** {@code at} cut to whole microseconds, as the databases keep it. */
    static Instant micros(Instant at) {
        return at.minusNanos(at.getNano() % 1000);
    }

    /** Samples ranks 0..n-1 with probability proportional to 1 / (rank + 1)^s. */
    static final class Zipf {
        private final double[] cumulative;

        Zipf(int n, double s) {
            cumulative = new double[n];
            double sum = 0;
            for (int k = 0; k < n; k++) {
                sum += 1 / Math.pow(k + 1, s);
                cumulative[k] = sum;
            }
        }

        int sample(SplittableRandom random) {
            double u = random.nextDouble() * cumulative[cumulative.length - 1];
            int i = Arrays.binarySearch(cumulative, u);
            return Math.min(i >= 0 ? i : -i - 1, cumulative.length - 1);
        }
    }
}
