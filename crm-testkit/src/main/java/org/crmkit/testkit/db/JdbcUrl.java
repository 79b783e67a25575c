package org.crmkit.testkit.db;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A JDBC URL of the form {@code base[?key=value&key=value...]}, split so that parameters can be read,
 * removed and set, as PostgreSQL and MariaDB URLs use them.
 *
 * <p>Parameter values are kept as written (not decoded). Immutable and thread-safe.
 */
final class JdbcUrl {

    private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");

    private final String base;
    private final Map<String, String> params;

    private JdbcUrl(String base, Map<String, String> params) {
        this.base = base;
        this.params = Collections.unmodifiableMap(params);
    }

    /** Splits {@code url} into its base and its query parameters, in order. */
    static JdbcUrl parse(String url) {
        int question = url.indexOf('?');
        if (question < 0) {
            return new JdbcUrl(url, new LinkedHashMap<>());
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : url.substring(question + 1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq < 0) {
                params.put(pair, "");
            } else {
                params.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return new JdbcUrl(url.substring(0, question), params);
    }

    /** Returns the part before {@code ?}. */
    String base() {
        return base;
    }

    /** Returns the raw value of a parameter, or {@code null} when absent. */
    String param(String key) {
        return params.get(key);
    }

    /** Returns a copy without the given parameters. */
    JdbcUrl without(String... keys) {
        Map<String, String> copy = new LinkedHashMap<>(params);
        for (String key : keys) {
            copy.remove(key);
        }
        return new JdbcUrl(base, copy);
    }

    /** Returns a copy with {@code key} set to {@code value}, keeping its position when it existed. */
    JdbcUrl with(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(params);
        copy.put(key, value);
        return new JdbcUrl(base, copy);
    }

    /**
     * Returns a copy whose database path ({@code //hosts/database}) is {@code database}; used for
     * MariaDB and MySQL URLs.
     *
     * @throws IllegalArgumentException if the base has no {@code //} host part
     */
    JdbcUrl withDatabase(String database) {
        int hosts = base.indexOf("//");
        if (hosts < 0) {
            throw new IllegalArgumentException(
                    "expected a URL like jdbc:mariadb://host:port/database, got " + redact(toString()));
        }
        int slash = base.indexOf('/', hosts + 2);
        String hostPart = slash < 0 ? base : base.substring(0, slash);
        return new JdbcUrl(hostPart + "/" + database, new LinkedHashMap<>(params));
    }

    @Override
    public String toString() {
        if (params.isEmpty()) {
            return base;
        }
        StringBuilder out = new StringBuilder(base).append('?');
        boolean first = true;
        for (Map.Entry<String, String> param : params.entrySet()) {
            if (!first) {
                out.append('&');
            }
            first = false;
            out.append(param.getKey()).append('=').append(param.getValue());
        }
        return out.toString();
    }

    /** Returns {@code url} with any {@code password=} value replaced by {@code ***}, for messages. */
    static String redact(String url) {
        return url == null ? null : PASSWORD.matcher(url).replaceAll("$1***");
    }
}
