package org.crmkit.jpa.internal;

import java.util.List;

/**
 * The lines of a postal address as one value, stored as a JSON array by {@link
 * AddressLinesConverter}. Not part of CRMKit's API.
 *
 * @param lines the lines, one to four
 */
public record AddressLines(List<String> lines) {

    /** Copies the lines. */
    public AddressLines {
        lines = List.copyOf(lines);
    }
}
