package org.crmkit.core.segment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.AttributeValue;
import org.crmkit.core.customer.ConsentPurpose;
import org.crmkit.core.customer.ContactKind;
import org.crmkit.core.customer.LifecycleStage;
import org.crmkit.core.customer.Tag;

/**
 * The text face of {@link SegmentRule}: a writer of the canonical form and a recursive-descent
 * parser of the grammar {@link SegmentRule} documents. Not thread-safe per parse; each parse has
 * its own instance.
 */
final class RuleText {
    /** The longest rule text read. */
    static final int MAX_LENGTH = 20_000;
    /** How deeply parentheses, {@code not} and {@code contact_of} may nest. */
    static final int MAX_DEPTH = 64;

    private static final String COMPARISON = "a comparison (=, !=, <, <=, >, >=)";

    private final String text;
    private int at;
    private int depth;

    private RuleText(String text) {
        this.text = text;
    }

    // ---- writing -----------------------------------------------------------------------------

    static void write(SegmentRule rule, StringBuilder out) {
        if (rule instanceof SegmentRule.All all) {
            join(all.rules(), " and ", r -> r instanceof SegmentRule.All || r instanceof SegmentRule.Any, out);
        } else if (rule instanceof SegmentRule.Any any) {
            join(any.rules(), " or ", r -> r instanceof SegmentRule.Any, out);
        } else if (rule instanceof SegmentRule.Not not) {
            out.append("not ");
            writeOperand(
                    not.rule(), not.rule() instanceof SegmentRule.All || not.rule() instanceof SegmentRule.Any, out);
        } else if (rule instanceof SegmentRule.StageIn s) {
            List<String> names =
                    s.stages().stream().map(RuleText::name).sorted().toList();
            out.append(names.size() == 1 ? "stage = " + names.get(0) : "stage in (" + String.join(", ", names) + ")");
        } else if (rule instanceof SegmentRule.Tagged t) {
            List<String> tags =
                    t.tags().stream().map(tag -> quoted(tag.value())).sorted().toList();
            out.append(tags.size() == 1 ? "tag = " + tags.get(0) : "tag in (" + String.join(", ", tags) + ")");
        } else if (rule instanceof SegmentRule.OwnedBy o) {
            out.append("owner = ")
                    .append(o.owner().map(id -> quoted(id.value())).orElse("none"));
        } else if (rule instanceof SegmentRule.AttributeIs a) {
            out.append("attribute(")
                    .append(quoted(a.key()))
                    .append(") ")
                    .append(a.comparison().symbol())
                    .append(' ');
            if (a.value() instanceof AttributeValue.Text v) {
                out.append(quoted(v.value()));
            } else if (a.value() instanceof AttributeValue.Number v) {
                out.append(v.value().toPlainString());
            } else {
                out.append(((AttributeValue.Bool) a.value()).value());
            }
        } else if (rule instanceof SegmentRule.Consented c) {
            out.append("consent(")
                    .append(name(c.channel()))
                    .append(", ")
                    .append(quoted(c.purpose().code()))
                    .append(')');
        } else if (rule instanceof SegmentRule.HasContact h) {
            out.append("has ").append(name(h.kind()));
        } else if (rule instanceof SegmentRule.DaysSince d) {
            out.append(
                            d.last() == SegmentRule.LastActivity.ORDER
                                    ? "days_since_last_order "
                                    : "days_since_last_interaction ")
                    .append(d.comparison().symbol())
                    .append(' ')
                    .append(d.days());
        } else if (rule instanceof SegmentRule.OrderCount o) {
            out.append("orders(")
                    .append(o.withinDays())
                    .append(") ")
                    .append(o.comparison().symbol())
                    .append(' ')
                    .append(o.count());
        } else if (rule instanceof SegmentRule.Revenue r) {
            out.append("revenue(")
                    .append(r.withinDays())
                    .append(", ")
                    .append(quoted(r.currency().getCurrencyCode()))
                    .append(") ")
                    .append(r.comparison().symbol())
                    .append(' ')
                    .append(r.amount().toPlainString());
        } else if (rule instanceof SegmentRule.RfmAtLeast r) {
            out.append("rfm >= ")
                    .append(r.recency())
                    .append('-')
                    .append(r.frequency())
                    .append('-')
                    .append(r.monetary());
        } else if (rule instanceof SegmentRule.OpenOpportunityIn o) {
            out.append("open_opportunity(").append(quoted(o.stage())).append(')');
        } else if (rule instanceof SegmentRule.Inbound i) {
            out.append("inbound(")
                    .append(name(i.channel()))
                    .append(", ")
                    .append(i.withinDays())
                    .append(')');
        } else if (rule instanceof SegmentRule.ContactOf c) {
            out.append("contact_of(");
            write(c.organisation(), out);
            out.append(')');
        } else {
            throw new IllegalStateException("unknown rule " + rule);
        }
    }

    private static void join(
            List<SegmentRule> rules,
            String operator,
            java.util.function.Predicate<SegmentRule> parenthesised,
            StringBuilder out) {
        for (int i = 0; i < rules.size(); i++) {
            out.append(i == 0 ? "" : operator);
            writeOperand(rules.get(i), parenthesised.test(rules.get(i)), out);
        }
    }

    private static void writeOperand(SegmentRule rule, boolean parenthesised, StringBuilder out) {
        out.append(parenthesised ? "(" : "");
        write(rule, out);
        out.append(parenthesised ? ")" : "");
    }

    static String name(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    static String quoted(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    // ---- parsing -----------------------------------------------------------------------------

    static SegmentRule parse(String text) {
        ValidationException.requireNonNull(text, "rule");
        if (text.length() > MAX_LENGTH) {
            throw new ValidationException(
                    "rule", "must be at most " + MAX_LENGTH + " characters, was " + text.length());
        }
        RuleText parser = new RuleText(text);
        SegmentRule rule = parser.rule();
        parser.skipSpace();
        if (parser.at < text.length()) {
            throw parser.error("'and', 'or' or the end of the rule");
        }
        return rule;
    }

    private SegmentRule rule() {
        List<SegmentRule> any = new ArrayList<>();
        any.add(and());
        while (keyword("or")) {
            any.add(and());
        }
        return any.size() == 1 ? any.get(0) : new SegmentRule.Any(any);
    }

    private SegmentRule and() {
        List<SegmentRule> all = new ArrayList<>();
        all.add(unary());
        while (keyword("and")) {
            all.add(unary());
        }
        return all.size() == 1 ? all.get(0) : new SegmentRule.All(all);
    }

    private SegmentRule unary() {
        enter();
        try {
            if (keyword("not")) {
                return new SegmentRule.Not(unary());
            }
            if (symbol("(")) {
                SegmentRule inner = rule();
                expect(")");
                return inner;
            }
            return condition();
        } finally {
            depth--;
        }
    }

    private SegmentRule condition() {
        skipSpace();
        int start = at;
        String word = word();
        switch (word) {
            case "stage" -> {
                Set<LifecycleStage> stages = EnumSet.noneOf(LifecycleStage.class);
                if (symbol("=")) {
                    stages.add(constant(LifecycleStage.class, "a lifecycle stage"));
                } else if (keyword("in")) {
                    expect("(");
                    do {
                        stages.add(constant(LifecycleStage.class, "a lifecycle stage"));
                    } while (symbol(","));
                    expect(")");
                } else {
                    throw error("'=' or 'in'");
                }
                return new SegmentRule.StageIn(stages);
            }
            case "tag" -> {
                Set<Tag> tags = new TreeSet<>();
                if (symbol("=")) {
                    tags.add(checked(() -> new Tag(string()), "a tag"));
                } else if (keyword("in")) {
                    expect("(");
                    do {
                        tags.add(checked(() -> new Tag(string()), "a tag"));
                    } while (symbol(","));
                    expect(")");
                } else {
                    throw error("'=' or 'in'");
                }
                return new SegmentRule.Tagged(tags);
            }
            case "owner" -> {
                expect("=");
                if (keyword("none")) {
                    return new SegmentRule.OwnedBy(Optional.empty());
                }
                return new SegmentRule.OwnedBy(Optional.of(checked(() -> StaffId.of(string()), "a staff id")));
            }
            case "attribute" -> {
                expect("(");
                String key = string();
                expect(")");
                int position = skipSpace();
                Comparison comparison = comparison();
                AttributeValue value;
                skipSpace();
                if (peek() == '"') {
                    value = new AttributeValue.Text(string());
                } else if (keyword("true")) {
                    value = new AttributeValue.Bool(true);
                } else if (keyword("false")) {
                    value = new AttributeValue.Bool(false);
                } else {
                    value = new AttributeValue.Number(number());
                }
                return build(
                        position,
                        "a valid attribute condition",
                        () -> new SegmentRule.AttributeIs(key, comparison, value));
            }
            case "consent" -> {
                expect("(");
                Channel channel = constant(Channel.class, "a channel");
                expect(",");
                ConsentPurpose purpose = checked(() -> new ConsentPurpose(string()), "a consent purpose");
                expect(")");
                return new SegmentRule.Consented(channel, purpose);
            }
            case "has" -> {
                return new SegmentRule.HasContact(constant(ContactKind.class, "a contact kind"));
            }
            case "days_since_last_order", "days_since_last_interaction" -> {
                Comparison comparison = comparison();
                long days = integer();
                return build(
                        start,
                        "a valid days condition",
                        () -> new SegmentRule.DaysSince(
                                word.endsWith("order")
                                        ? SegmentRule.LastActivity.ORDER
                                        : SegmentRule.LastActivity.INTERACTION,
                                comparison,
                                days));
            }
            case "orders" -> {
                expect("(");
                int days = days();
                expect(")");
                Comparison comparison = comparison();
                long count = integer();
                return build(
                        start, "a valid orders condition", () -> new SegmentRule.OrderCount(days, comparison, count));
            }
            case "revenue" -> {
                expect("(");
                int days = days();
                expect(",");
                Currency currency =
                        checked(() -> org.crmkit.core.common.Money.currency(string()), "an ISO 4217 currency code");
                expect(")");
                Comparison comparison = comparison();
                BigDecimal amount = number();
                return new SegmentRule.Revenue(days, currency, comparison, amount);
            }
            case "rfm" -> {
                expect(">=");
                int r = score();
                expect("-");
                int f = score();
                expect("-");
                int m = score();
                return new SegmentRule.RfmAtLeast(r, f, m);
            }
            case "open_opportunity" -> {
                expect("(");
                String stage = checked(this::string, "a stage name");
                expect(")");
                return build(
                        start, "a stage name of 1 to 100 characters", () -> new SegmentRule.OpenOpportunityIn(stage));
            }
            case "inbound" -> {
                expect("(");
                Channel channel = constant(Channel.class, "a channel");
                expect(",");
                int days = days();
                expect(")");
                return new SegmentRule.Inbound(channel, days);
            }
            case "contact_of" -> {
                expect("(");
                enter();
                SegmentRule organisation = rule();
                depth--;
                expect(")");
                return new SegmentRule.ContactOf(organisation);
            }
            default -> {
                at = start;
                throw error("a condition (stage, tag, owner, attribute, consent, has, days_since_last_order,"
                        + " days_since_last_interaction, orders, revenue, rfm, open_opportunity, inbound, contact_of),"
                        + " 'not' or '('");
            }
        }
    }

    // ---- tokens ------------------------------------------------------------------------------

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw error("at most " + MAX_DEPTH + " levels of nesting");
        }
    }

    /** Skips white space; returns the position after it. */
    private int skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    /** Reads a word of letters, digits and underscores, in lower case; empty when there is none. */
    private String word() {
        skipSpace();
        int start = at;
        while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
            at++;
        }
        return text.substring(start, at).toLowerCase(Locale.ROOT);
    }

    /** Consumes {@code keyword} when it comes next as a whole word. */
    private boolean keyword(String keyword) {
        int start = skipSpace();
        if (word().equals(keyword)) {
            return true;
        }
        at = start;
        return false;
    }

    /** Consumes {@code symbol} when it comes next ({@code <} not when {@code <=} does). */
    private boolean symbol(String symbol) {
        skipSpace();
        if (!text.startsWith(symbol, at)) {
            return false;
        }
        int end = at + symbol.length();
        if ((symbol.equals("<") || symbol.equals(">") || symbol.equals("="))
                && end < text.length()
                && text.charAt(end) == '=') {
            return false;
        }
        at = end;
        return true;
    }

    private void expect(String symbol) {
        if (!symbol(symbol)) {
            throw error("'" + symbol + "'");
        }
    }

    private Comparison comparison() {
        for (String s : new String[] {"!=", "<=", ">=", "=", "<", ">"}) {
            if (symbol(s)) {
                for (Comparison c : Comparison.values()) {
                    if (c.symbol().equals(s)) {
                        return c;
                    }
                }
            }
        }
        throw error(COMPARISON);
    }

    private <E extends Enum<E>> E constant(Class<E> type, String what) {
        int start = skipSpace();
        String word = word();
        for (E constant : type.getEnumConstants()) {
            if (name(constant).equals(word)) {
                return constant;
            }
        }
        at = start;
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(name(constant));
        }
        throw error(what + " (" + String.join(", ", names) + ")");
    }

    private String string() {
        skipSpace();
        if (peek() != '"') {
            throw error("a string in double quotes");
        }
        int start = at++;
        StringBuilder value = new StringBuilder();
        while (at < text.length()) {
            char c = text.charAt(at++);
            if (c == '"') {
                return value.toString();
            }
            if (c == '\\') {
                char next = peek();
                at++;
                switch (next) {
                    case '"', '\\' -> value.append(next);
                    case 'n' -> value.append('\n');
                    case 't' -> value.append('\t');
                    default -> {
                        at -= 2;
                        throw error("an escape (\\\", \\\\, \\n or \\t)");
                    }
                }
            } else {
                value.append(c);
            }
        }
        at = start;
        throw error("a closing '\"' for the string started here");
    }

    private BigDecimal number() {
        int start = skipSpace();
        if (peek() == '-') {
            at++;
        }
        int digits = at;
        while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '.')) {
            at++;
        }
        try {
            if (at == digits || !text.substring(digits, at).matches("[0-9]+(\\.[0-9]+)?") || at - start > 40) {
                throw new NumberFormatException();
            }
            return new BigDecimal(text.substring(start, at));
        } catch (NumberFormatException e) {
            at = start;
            throw error("a number");
        }
    }

    private long integer() {
        int start = skipSpace();
        while (at < text.length() && Character.isDigit(text.charAt(at))) {
            at++;
        }
        if (at == start || at - start > 10) {
            at = start;
            throw error("a whole number from 0 to 1000000000");
        }
        long value = Long.parseLong(text.substring(start, at));
        if (value > 1_000_000_000L) {
            at = start;
            throw error("a whole number from 0 to 1000000000");
        }
        return value;
    }

    private int days() {
        int start = skipSpace();
        long days = integer();
        if (days < 1 || days > SegmentRule.MAX_DAYS) {
            at = start;
            throw error("a number of days from 1 to " + SegmentRule.MAX_DAYS);
        }
        return (int) days;
    }

    private int score() {
        int start = skipSpace();
        char c = peek();
        if (c < '1' || c > '5') {
            throw error("an RFM score from 1 to 5");
        }
        at++;
        if (Character.isDigit(peek())) {
            at = start;
            throw error("an RFM score from 1 to 5");
        }
        return c - '0';
    }

    /** Runs {@code read}, turning a value it refuses into a syntax error at its start. */
    private <T> T checked(java.util.function.Supplier<T> read, String what) {
        int start = skipSpace();
        try {
            return read.get();
        } catch (RuleSyntaxException e) {
            throw e;
        } catch (ValidationException e) {
            at = start;
            throw error(what + " (" + e.reason() + ")");
        }
    }

    private SegmentRule build(int position, String what, java.util.function.Supplier<SegmentRule> build) {
        try {
            return build.get();
        } catch (ValidationException e) {
            at = position;
            throw error(what + " (" + e.reason() + ")");
        }
    }

    private RuleSyntaxException error(String expected) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < at && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new RuleSyntaxException(line, column, expected, found());
    }

    private String found() {
        if (at >= text.length()) {
            return "the end of the rule";
        }
        int end = at;
        while (end < text.length() && end - at < 20 && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return "'" + text.substring(at, Math.max(end, at + 1)) + "'";
    }
}
