package org.crmkit.core.common;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * RFC 9562 version 7 UUIDs: 48 bits of Unix milliseconds, then a 12-bit counter that keeps ids made
 * in the same millisecond in order (method 1 of the RFC), then 62 random bits. When the counter
 * overflows or the clock goes back, the timestamp is advanced artificially so ids stay monotonic.
 */
final class UuidV7Generator implements IdGenerator {
    private static final long VERSION_7 = 0x7000L;
    private static final long VARIANT = 0x8000_0000_0000_0000L;

    private final Clock clock;
    private final long randomSalt = new SecureRandom().nextLong();
    private long lastMillis = -1;
    private int counter;

    UuidV7Generator(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public UUID next() {
        long millis;
        int seq;
        synchronized (this) {
            long now = clock.millis();
            if (now > lastMillis) {
                lastMillis = now;
                // start each millisecond low in the counter space so there is room to count up
                counter = ThreadLocalRandom.current().nextInt(0x400);
            } else if (++counter > 0xFFF) {
                lastMillis++;
                counter = 0;
            }
            millis = lastMillis;
            seq = counter;
        }
        long msb = (millis << 16) | VERSION_7 | seq;
        long lsb = (ThreadLocalRandom.current().nextLong() ^ randomSalt) >>> 2 | VARIANT;
        return new UUID(msb, lsb);
    }
}
