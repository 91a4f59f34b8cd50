package org.osim.workloads;

import static java.util.Objects.requireNonNull;

import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osim.api.SimTime;

/**
 * A probability distribution for generated workloads: {@code const(5ms)} (or just {@code 5ms}),
 * {@code exp(10ms)} (mean), {@code uniform(1ms,5ms)}, {@code normal(10ms,2ms)} (mean, standard deviation),
 * {@code hyperexp(10ms,4)} (mean, squared coefficient of variation of at least 1: the two-phase hyperexponential
 * with balanced means, a phase of mean {@code mean / 2p} taken with probability p = (1 + √((c² − 1)/(c² + 1)))/2,
 * the other with 1 − p; Allen, Probability, Statistics, and Queueing Theory, §3.2).
 * For counts the same forms take plain numbers: {@code uniform(1,5)} draws whole numbers 1 to 5.
 * Samples come from the caller's seeded stream only.
 */
public record Distribution(Kind kind, double a, double b, boolean whole) {
    /** The shapes on offer. */
    public enum Kind { CONST, EXP, UNIFORM, NORMAL, HYPEREXP }

    private static final Pattern FORM = Pattern.compile("\\s*([a-z]+)\\s*\\(([^)]*)\\)\\s*");

    public Distribution {
        requireNonNull(kind, "kind is null");
    }

    /** Parses a distribution of durations (values in nanoseconds). */
    public static Distribution ofDurations(String text) {
        return parse(text, false);
    }

    /** Parses a distribution of whole numbers. */
    public static Distribution ofCounts(String text) {
        return parse(text, true);
    }

    private static Distribution parse(String text, boolean count) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            return new Distribution(Kind.CONST, value(text, count), 0, count);
        }
        String[] args = m.group(2).split(",", -1);
        String name = m.group(1);
        return switch (name) {
            case "const" -> {
                arity(name, args, 1, count);
                yield new Distribution(Kind.CONST, value(args[0], count), 0, count);
            }
            case "exp" -> {
                arity(name, args, 1, count);
                double mean = value(args[0], count);
                if (mean <= 0) {
                    throw new IllegalArgumentException("exp needs a mean greater than zero, got '" + args[0].strip() + "'");
                }
                yield new Distribution(Kind.EXP, mean, 0, count);
            }
            case "uniform" -> {
                arity(name, args, 2, count);
                double lo = value(args[0], count);
                double hi = value(args[1], count);
                if (hi < lo) {
                    throw new IllegalArgumentException("uniform needs low <= high, got '" + text.strip() + "'");
                }
                yield new Distribution(Kind.UNIFORM, lo, hi, count);
            }
            case "normal" -> {
                arity(name, args, 2, count);
                yield new Distribution(Kind.NORMAL, value(args[0], count), value(args[1], count), count);
            }
            case "hyperexp" -> {
                arity(name, args, 2, count);
                double mean = value(args[0], count);
                double scv;
                try {
                    scv = Double.parseDouble(args[1].strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("hyperexp's second argument is the squared coefficient of variation, a "
                            + "number such as 4, got '" + args[1].strip() + "'", e);
                }
                if (mean <= 0 || !(scv >= 1)) {
                    throw new IllegalArgumentException("hyperexp needs a mean greater than zero and a squared coefficient of "
                            + "variation of at least 1, got '" + text.strip() + "'");
                }
                yield new Distribution(Kind.HYPEREXP, mean, scv, count);
            }
            default -> throw new IllegalArgumentException("unknown distribution '" + name
                    + "' (expected const, exp, uniform, normal or hyperexp, e.g. " + example(count) + ")");
        };
    }

    private static String example(boolean count) {
        return count ? "uniform(1,5)" : "exp(10ms)";
    }

    private static void arity(String name, String[] args, int n, boolean count) {
        if (args.length != n || args[0].isBlank()) {
            String form = switch (name) {
                case "uniform" -> count ? "uniform(1,5)" : "uniform(1ms,5ms)";
                case "normal" -> count ? "normal(10,2)" : "normal(10ms,2ms)";
                case "hyperexp" -> count ? "hyperexp(10,4)" : "hyperexp(10ms,4)";
                default -> name + (count ? "(3)" : "(10ms)");
            };
            throw new IllegalArgumentException(name + " takes " + n + " argument" + (n > 1 ? "s" : "") + ", e.g. " + form);
        }
    }

    private static double value(String text, boolean count) {
        if (count) {
            try {
                long v = Long.parseLong(text.strip());
                if (v < 0) {
                    throw new IllegalArgumentException("expected a whole number of at least 0, got '" + text.strip() + "'");
                }
                return v;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a whole number or a distribution such as uniform(1,5), got '"
                        + text.strip() + "'", e);
            }
        }
        return SimTime.parse(text.strip());
    }

    /** One draw. */
    public double sample(SplittableRandom random) {
        return switch (kind) {
            case CONST -> a;
            case EXP -> -a * Math.log(1.0 - random.nextDouble());
            case UNIFORM -> whole ? a + random.nextLong((long) b - (long) a + 1) : a + random.nextDouble() * (b - a);
            case NORMAL -> {
                // Box-Muller written out, so results do not depend on the JDK's own Gaussian algorithm.
                double u1 = 1.0 - random.nextDouble();
                double u2 = random.nextDouble();
                yield a + b * Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
            }
            case HYPEREXP -> {
                double p = (1 + Math.sqrt((b - 1) / (b + 1))) / 2;
                boolean first = random.nextDouble() < p;
                double phaseMean = a / (2 * (first ? p : 1 - p));
                yield -phaseMean * Math.log(1.0 - random.nextDouble());
            }
        };
    }

    /** The mean, for documentation and tests. */
    public double mean() {
        return switch (kind) {
            case CONST, EXP, NORMAL, HYPEREXP -> a;
            case UNIFORM -> (a + b) / 2;
        };
    }

    @Override
    public String toString() {
        String x = whole ? String.valueOf((long) a) : SimTime.format((long) a);
        String y = whole ? String.valueOf((long) b) : SimTime.format((long) b);
        return switch (kind) {
            case CONST -> "const(" + x + ")";
            case EXP -> "exp(" + x + ")";
            case UNIFORM -> "uniform(" + x + "," + y + ")";
            case NORMAL -> "normal(" + x + "," + y + ")";
            case HYPEREXP -> "hyperexp(" + x + "," + (b == Math.rint(b) ? String.valueOf((long) b) : String.valueOf(b)) + ")";
        };
    }
}
