package dev.streamtune.core.random;

import java.util.List;

/**
 * A seedable pseudo-random generator (SplitMix64, Steele, Lea and Flood, OOPSLA 2014) whose whole state is one
 * {@code long}, so learners and replay buffers can snapshot and restore it exactly and continue bit-identically.
 *
 * <p>Not thread-safe and not cryptographic. Streams for independent components come from {@link #fork()}.
 */
public final class SplitMix64 {

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private long state;

    /** A generator starting from {@code seed}; the same seed always gives the same sequence. */
    public SplitMix64(long seed) {
        this.state = seed;
    }

    /** The whole state; {@code new SplitMix64(g.state())} continues exactly where {@code g} is. */
    public long state() {
        return state;
    }

    /** The next 64 random bits. */
    public long nextLong() {
        long z = state += GOLDEN_GAMMA;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Uniform in {@code [0, bound)}, without modulo bias. */
    public long nextLong(long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        long mask = bound - 1;
        long r = nextLong() >>> 1;
        if ((bound & mask) == 0) {
            return r & mask;
        }
        for (long u = r; u - (r = u % bound) + mask < 0; u = nextLong() >>> 1) {
            // reject the top, incomplete range of u
        }
        return r;
    }

    /** Uniform in {@code [0, bound)}. */
    public int nextInt(int bound) {
        return (int) nextLong(bound);
    }

    /** Uniform in {@code [0, 1)} with 24 random bits. */
    public float nextFloat() {
        return (nextLong() >>> 40) * 0x1.0p-24f;
    }

    /** Uniform in {@code [0, 1)} with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Standard normal (Box-Muller; uses two uniforms per value and keeps no cached second value). */
    public double nextGaussian() {
        double u1 = 1.0 - nextDouble();
        double u2 = nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /** A new generator seeded from this one, for an independent component. */
    public SplitMix64 fork() {
        return new SplitMix64(nextLong());
    }

    /** Fisher-Yates shuffle of {@code list} in place. */
    public <T> void shuffle(List<T> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            list.set(i, list.set(j, list.get(i)));
        }
    }
}
