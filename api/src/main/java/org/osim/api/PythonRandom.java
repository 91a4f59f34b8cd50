package org.osim.api;

import static java.util.Objects.requireNonNull;

import java.math.BigInteger;

/**
 * CPython's {@code random.random()} after {@code random.seed(n)} for an integer {@code n}: the Mersenne Twister
 * MT19937 seeded by {@code init_by_array} with the 32-bit words of {@code |n|}, each draw made of two 32-bit outputs.
 * The OSTEP homework scripts draw their job lists this way, so the same seed gives the same jobs here as there.
 */
@Api(Api.Status.EXPERIMENTAL)
public final class PythonRandom {
    private static final int N = 624;
    private static final int M = 397;

    private final int[] mt = new int[N];
    private int mti;

    /** {@code random.seed(seed)}: a negative seed is its absolute value. */
    public PythonRandom(long seed) {
        this(BigInteger.valueOf(seed));
    }

    /** {@code random.seed(seed)} for any integer, as Python accepts seeds beyond 64 bits. */
    public PythonRandom(BigInteger seed) {
        requireNonNull(seed, "seed is null");
        BigInteger n = seed.abs();
        int words = Math.max(1, (n.bitLength() + 31) / 32);
        int[] key = new int[words];
        for (int i = 0; i < words; i++) {
            key[i] = n.shiftRight(32 * i).intValue(); // least significant word first
        }
        initByArray(key);
    }

    private void initGenrand(int s) {
        mt[0] = s;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        mti = N;
    }

    private void initByArray(int[] key) {
        initGenrand(19650218);
        int i = 1;
        int j = 0;
        for (int k = Math.max(N, key.length); k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1664525)) + key[j] + j;
            i++;
            j++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if (j >= key.length) {
                j = 0;
            }
        }
        for (int k = N - 1; k > 0; k--) {
            mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >>> 30)) * 1566083941)) - i;
            i++;
            if (i >= N) {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x80000000;
    }

    /** The next 32-bit output, as an unsigned value in a long. */
    long nextUint32() {
        if (mti >= N) {
            for (int k = 0; k < N; k++) {
                int y = (mt[k] & 0x80000000) | (mt[(k + 1) % N] & 0x7FFFFFFF);
                mt[k] = mt[(k + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908B0DF : 0);
            }
            mti = 0;
        }
        int y = mt[mti++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9D2C5680;
        y ^= (y << 15) & 0xEFC60000;
        y ^= y >>> 18;
        return y & 0xFFFFFFFFL;
    }

    /** {@code random.random()}: a double in [0, 1) with 53 random bits, from two outputs (27 bits, then 26). */
    public double random() {
        long a = nextUint32() >>> 5;
        long b = nextUint32() >>> 6;
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
    }
}
