package org.osim.stats;

/**
 * The seed of each replication of a study, derived from its base seed so that replication k of seed s is the same
 * run on every machine, in every order and on every engine: replication 1 runs with s itself (so one replication is
 * the ordinary run), replication k ≥ 2 with the SplitMix64 finalizer (Steele, Lea and Flood, "Fast splittable
 * pseudorandom number generators", OOPSLA 2014) of {@code s + k·0x9E3779B97F4A7C15} — the seed the k-th step of
 * a SplittableRandom seeded with s would mix. Within a run, every consumer's stream is split from the run's seed as
 * always (DESIGN §2), so policies compared in one replication see the same arrivals and service times.
 */
public final class ReplicationSeeds {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private ReplicationSeeds() {}

    /** The seed of replication {@code replication} (1-based) of a study with base seed {@code base}. */
    public static long seed(long base, int replication) {
        if (replication < 1) {
            throw new IllegalArgumentException("replications are numbered from 1, got " + replication);
        }
        if (replication == 1) {
            return base;
        }
        long z = base + replication * GOLDEN_GAMMA;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
