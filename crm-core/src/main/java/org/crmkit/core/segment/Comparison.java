package org.crmkit.core.segment;

/** How a segment condition compares a customer's value with the rule's, as written in rule text. */
public enum Comparison {
    EQUAL("="),
    NOT_EQUAL("!="),
    LESS("<"),
    AT_MOST("<="),
    GREATER(">"),
    AT_LEAST(">=");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    /** How rule text writes it, such as {@code >=}. */
    public String symbol() {
        return symbol;
    }

    /** Whether a value that compares to the rule's as {@code order} (negative, zero, positive) passes. */
    public boolean test(int order) {
        return switch (this) {
            case EQUAL -> order == 0;
            case NOT_EQUAL -> order != 0;
            case LESS -> order < 0;
            case AT_MOST -> order <= 0;
            case GREATER -> order > 0;
            case AT_LEAST -> order >= 0;
        };
    }
}
