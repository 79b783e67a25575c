package org.crmkit.core.segment;

/**
 * The standard named RFM groups, by recency score R and frequency score F (the monetary score does
 * not change the group; it ranks customers within one). Every one of the 25 (R, F) cells belongs to
 * exactly one group:
 *
 * <table>
 *   <caption>RFM groups</caption>
 *   <tr><th>group</th><th>R</th><th>F</th></tr>
 *   <tr><td>{@link #CHAMPIONS}</td><td>5</td><td>4–5</td></tr>
 *   <tr><td>{@link #LOYAL}</td><td>3–4</td><td>4–5</td></tr>
 *   <tr><td>{@link #POTENTIAL_LOYALIST}</td><td>4–5</td><td>2–3</td></tr>
 *   <tr><td>{@link #NEW}</td><td>5</td><td>1</td></tr>
 *   <tr><td>{@link #PROMISING}</td><td>4</td><td>1</td></tr>
 *   <tr><td>{@link #NEED_ATTENTION}</td><td>3</td><td>3</td></tr>
 *   <tr><td>{@link #ABOUT_TO_SLEEP}</td><td>3</td><td>1–2</td></tr>
 *   <tr><td>{@link #AT_RISK}</td><td>1–2</td><td>3–4</td></tr>
 *   <tr><td>{@link #CANT_LOSE}</td><td>1–2</td><td>5</td></tr>
 *   <tr><td>{@link #HIBERNATING}</td><td>1–2</td><td>1–2, but not R 1 with F 1</td></tr>
 *   <tr><td>{@link #LOST}</td><td>1</td><td>1</td></tr>
 * </table>
 */
public enum RfmGroup {
    /** Bought recently and often. */
    CHAMPIONS,
    /** Buy often, not quite lately. */
    LOYAL,
    /** Recent, with a few orders. */
    POTENTIAL_LOYALIST,
    /** Bought for the first time, lately. */
    NEW,
    /** Recent, one order. */
    PROMISING,
    /** Average recency and frequency. */
    NEED_ATTENTION,
    /** Below average recency, few orders. */
    ABOUT_TO_SLEEP,
    /** Bought often, long ago. */
    AT_RISK,
    /** Bought most often, long ago. */
    CANT_LOSE,
    /** Long ago, few orders. */
    HIBERNATING,
    /** The longest ago, fewest orders. */
    LOST;

    /**
     * The group of recency score {@code r} and frequency score {@code f}.
     *
     * @throws IllegalArgumentException when a score is not 1–5
     */
    public static RfmGroup of(int r, int f) {
        if (r < 1 || r > 5 || f < 1 || f > 5) {
            throw new IllegalArgumentException("RFM scores are 1 to 5, were R " + r + " and F " + f);
        }
        return switch (r) {
            case 5 -> f >= 4 ? CHAMPIONS : f >= 2 ? POTENTIAL_LOYALIST : NEW;
            case 4 -> f >= 4 ? LOYAL : f >= 2 ? POTENTIAL_LOYALIST : PROMISING;
            case 3 -> f >= 4 ? LOYAL : f == 3 ? NEED_ATTENTION : ABOUT_TO_SLEEP;
            case 2 -> f == 5 ? CANT_LOSE : f >= 3 ? AT_RISK : HIBERNATING;
            default -> f == 5 ? CANT_LOSE : f >= 3 ? AT_RISK : f == 2 ? HIBERNATING : LOST;
        };
    }
}
