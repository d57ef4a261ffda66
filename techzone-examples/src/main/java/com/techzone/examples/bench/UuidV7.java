package com.techzone.examples.bench;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Time-ordered UUIDv7 (RFC 9562) for the benchmark's own rows, like the library's ids. */
final class UuidV7 {

    private UuidV7() {
    }

    /** A new UUIDv7: 48 bits of Unix milliseconds, version 7, variant 2, 74 random bits. */
    static UUID next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long msb = (System.currentTimeMillis() << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }
}
