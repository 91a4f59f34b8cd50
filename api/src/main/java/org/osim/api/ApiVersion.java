package org.osim.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version of osim-api, and which plugin builds it runs: a plugin built against a version of the same line — the
 * same major version, or for 0.x the same minor one, as semantic versioning reads 0.x — runs; another is refused
 * before it is called, naming the plugin and both versions. A plugin jar states its version in its manifest as
 * {@value #MANIFEST_ATTRIBUTE} (the archetype's and the examples' builds write it). Stable.
 */
@Api(Api.Status.STABLE)
public final class ApiVersion {
    /** The manifest attribute of a plugin jar that names the osim-api version it was built against. */
    public static final String MANIFEST_ATTRIBUTE = "Osim-Api-Version";

    private static final String CURRENT = read();

    private ApiVersion() {}

    /** This osim-api's version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String current() {
        return CURRENT;
    }

    /** Whether a plugin built against {@code version} runs with this osim-api (an unknown version on either side does). */
    public static boolean compatible(String version) {
        return version.isBlank() || CURRENT.equals("unknown") || line(version).equals(line(CURRENT));
    }

    /** {@code 1} of 1.4.2; {@code 0.3} of 0.3.1, where each minor version of 0.x is a line of its own. */
    static String line(String version) {
        String[] parts = version.strip().split("[.-]");
        return parts[0].equals("0") && parts.length > 1 ? "0." + parts[1] : parts[0];
    }

    private static String read() {
        Properties p = new Properties();
        try (InputStream in = ApiVersion.class.getResourceAsStream("osim-api.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String v = p.getProperty("version", "");
        return v.isEmpty() || v.startsWith("${") ? "unknown" : v; // unfiltered only in a build other than Maven's
    }
}
