package org.osim.api;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The seeded random streams of one run. Every consumer (a generator, a policy instance, a device)
 * asks for its stream by a stable name, and gets a {@link SplittableRandom} derived from the seed and
 * that name alone: adding a consumer never shifts another consumer's stream, and the same seed gives
 * the same numbers whatever order consumers ask in.
 */
@Api(Api.Status.STABLE)
public final class RandomStreams {
    private final long seed;

    public RandomStreams(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    /** The stream of the consumer called {@code name}, e.g. {@code "generate[0]"} or {@code "policy"}. */
    public SplittableRandom stream(String name) {
        requireNonNull(name, "name is null");
        long h = 0xcbf29ce484222325L; // FNV-1a, stable across JVMs unlike String.hashCode's spec-free uses
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return new SplittableRandom(mix(seed) ^ mix(h)).split();
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
