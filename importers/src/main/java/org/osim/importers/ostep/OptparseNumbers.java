package org.osim.importers.ostep;

import org.osim.api.OsimException;

/**
 * Integers as Python's optparse reads them for {@code type="int"}: {@code 0x} hexadecimal, {@code 0b} binary,
 * a leading {@code 0} octal ({@code 010} is 8), otherwise decimal; a sign may lead.
 */
final class OptparseNumbers {
    private OptparseNumbers() {}

    static long integer(String text, String flag) {
        return integer(text, "scheduler.py", flag);
    }

    static long integer(String text, String script, String flag) {
        String t = text.strip();
        boolean negative = t.startsWith("-");
        String digits = negative || t.startsWith("+") ? t.substring(1) : t;
        int radix = 10;
        String lower = digits.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("0x")) {
            radix = 16;
            digits = digits.substring(2);
        } else if (lower.startsWith("0b")) {
            radix = 2;
            digits = digits.substring(2);
        } else if (digits.length() > 1 && digits.startsWith("0")) {
            radix = 8;
            digits = digits.substring(1);
        }
        try {
            long v = Long.parseLong(digits, radix);
            return negative ? -v : v;
        } catch (NumberFormatException e) {
            throw OsimException.badInput(script + ": option " + flag + ": invalid integer value: '" + text + "'");
        }
    }
}
