package org.crmkit.core.segment;

import org.crmkit.core.common.ValidationException;

/**
 * Segment rule text that does not parse: where (line and column, from 1) and what was expected
 * there. The field is {@code rule}; the reason reads like {@code line 1, column 12: expected a
 * comparison (=, !=, <, <=, >, >=), found "visits"}, ready to show beside the text a user edits.
 */
public final class RuleSyntaxException extends ValidationException {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;
    private final String expected;

    /** Creates the exception for a problem at {@code line} and {@code column} (both from 1). */
    public RuleSyntaxException(int line, int column, String expected, String found) {
        super("rule", "line " + line + ", column " + column + ": expected " + expected + ", found " + found);
        this.line = line;
        this.column = column;
        this.expected = expected;
    }

    /** The line of the problem, from 1. */
    public int line() {
        return line;
    }

    /** The column of the problem, from 1, in UTF-16 units. */
    public int column() {
        return column;
    }

    /** What the parser expected there, such as {@code a comparison (=, !=, <, <=, >, >=)}. */
    public String expected() {
        return expected;
    }
}
