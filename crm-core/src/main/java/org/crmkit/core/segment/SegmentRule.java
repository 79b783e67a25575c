package org.crmkit.core.segment;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.customer.AttributeValue;
import org.crmkit.core.customer.ConsentPurpose;
import org.crmkit.core.customer.ContactKind;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.LifecycleStage;
import org.crmkit.core.customer.Tag;
import org.crmkit.core.interaction.Direction;

/**
 * The rule of a dynamic segment: conditions on a customer's profile and behaviour, combined with
 * {@link All and}, {@link Any or} and {@link Not not}, nested. A rule has two faces that say the
 * same: these records (build them with the static methods) and a text a host can show and let
 * users edit, such as
 *
 * <pre>{@code stage = customer and tag in ("vip", "salon") and days_since_last_order > 90 and rfm >= 4-4-4}</pre>
 *
 * <p>{@link #parse} reads text into a rule (errors name line, column and what was expected) and
 * {@link #toText} writes a rule as text; {@code parse(r.toText())} equals {@code r} for every rule.
 * The grammar ({@code and} binds tighter than {@code or}; keywords and names are read in any case
 * and written in lower case):
 *
 * <pre>
 * rule      = and { "or" and }
 * and       = unary { "and" unary }
 * unary     = "not" unary | "(" rule ")" | condition
 * condition = "stage" ( "=" stage | "in" "(" stage { "," stage } ")" )
 *           | "tag" ( "=" string | "in" "(" string { "," string } ")" )
 *           | "owner" "=" ( string | "none" )
 *           | "attribute" "(" string ")" comparison ( string | number | "true" | "false" )
 *           | "consent" "(" channel "," purpose ")"
 *           | "has" ( "email" | "phone" | "postal" | "messenger" | "social" )
 *           | ( "days_since_last_order" | "days_since_last_interaction" ) comparison integer
 *           | "orders" "(" days ")" comparison integer
 *           | "revenue" "(" days "," string ")" comparison number
 *           | "rfm" "&gt;=" digit "-" digit "-" digit
 *           | "open_opportunity" "(" string ")"
 *           | "inbound" "(" channel "," days ")"
 *           | "contact_of" "(" rule ")"
 * comparison = "=" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;="
 * </pre>
 *
 * Strings are in double quotes with {@code \"}, {@code \\}, {@code \n} and {@code \t} escapes;
 * stages, channels and contact kinds are their enum names. A condition on something a
 * customer lacks (no order yet, no such attribute, no RFM score) does not hold, whatever the
 * comparison, so {@code not} of it does. Immutable and thread-safe.
 */
public sealed interface SegmentRule {

    /**
     * Whether {@code customer}, who did {@code activity}, matches this rule at {@code now} (periods
     * such as "the last 30 days" end at {@code now}).
     */
    boolean matches(Customer customer, CustomerActivity activity, Instant now);

    /** This rule as text, in the canonical form {@link #parse} reads back into an equal rule. */
    default String toText() {
        StringBuilder text = new StringBuilder();
        RuleText.write(this, text);
        return text.toString();
    }

    /**
     * Reads a rule from {@code text}.
     *
     * @throws RuleSyntaxException at the first place the text breaks the grammar or names an
     *     unknown stage, channel or contact kind, or a value out of range
     * @throws ValidationException naming {@code rule} when {@code text} is missing or longer than
     *     {@value RuleText#MAX_LENGTH} characters
     */
    static SegmentRule parse(String text) {
        return RuleText.parse(text);
    }

    // ---- combinations ------------------------------------------------------------------------

    /** Every one of {@code rules} holds; at least two. */
    static SegmentRule and(SegmentRule... rules) {
        return new All(List.of(rules));
    }

    /** At least one of {@code rules} holds; at least two. */
    static SegmentRule or(SegmentRule... rules) {
        return new Any(List.of(rules));
    }

    /** {@code rule} does not hold. */
    static SegmentRule not(SegmentRule rule) {
        return new Not(rule);
    }

    /** Every one of its rules holds. */
    record All(List<SegmentRule> rules) implements SegmentRule {
        /** Validates the combination: at least two rules. */
        public All {
            rules = atLeastTwo(rules, "and");
        }

        @Override
        public boolean matches(Customer customer, CustomerActivity activity, Instant now) {
            for (SegmentRule rule : rules) {
                if (!rule.matches(customer, activity, now)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** At least one of its rules holds. */
    record Any(List<SegmentRule> rules) implements SegmentRule {
        /** Validates the combination: at least two rules. */
        public Any {
            rules = atLeastTwo(rules, "or");
        }

        @Override
        public boolean matches(Customer customer, CustomerActivity activity, Instant now) {
            for (SegmentRule rule : rules) {
                if (rule.matches(customer, activity, now)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Its rule does not hold. */
    record Not(SegmentRule rule) implements SegmentRule {
        /** Validates the negation. */
        public Not {
            ValidationException.requireNonNull(rule, "rule");
        }

        @Override
        public boolean matches(Customer customer, CustomerActivity activity, Instant now) {
            return !rule.matches(customer, activity, now);
        }
    }

    // ---- profile -----------------------------------------------------------------------------

    /** The customer is in one of {@code stages}. */
    static SegmentRule stage(LifecycleStage... stages) {
        return new StageIn(Set.copyOf(List.of(stages)));
    }

    /** The customer has at least one of {@code tags}. */
    static SegmentRule tag(String... tags) {
        Set<Tag> set = new TreeSet<>();
        for (String tag : tags) {
            set.add(new Tag(tag));
        }
        return new Tagged(set);
    }

    /** The customer's lifecycle stage is one of its stages. */
    record StageIn(Set<LifecycleStage> stages) implements SegmentRule {
        /** Validates the condition: at least one stage. */
        public StageIn {
            ValidationException.requireNonNull(stages, "stages");
            if (stages.isEmpty()) {
                throw new ValidationException("stages", "must name at least one stage");
            }
            stages = Set.copyOf(EnumSet.copyOf(stages));
        }

        @Override
        public boolean matches(Customer customer, CustomerActivity activity, Instant now) {
            return stages.contains(customer.stage());
        }
    }

    /** The customer has at least one of its tags. */
    record Tagged(Set<Tag> tags) implements SegmentRule {
        /** Validates the condition: at least one tag. */
        public Tagged {
            ValidationException.requireNonNull(tags, "tags");
            if (tags.isEmpty()) {
                throw new ValidationException("tags", "must name at least one tag");
            }
            tags = Set.copyOf(tags);
        }

        @Override
        public boolean matches(Customer customer, CustomerActivity activity, Instant now) {
            for (Tag tag : tags) {
                if (customer.hasTag(tag)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The customer's owner is {@code owner}; empty for customers without one. */
    record OwnedBy(Optional<StaffId> owner) implements SegmentRule {
        /** Validates the condition. */
        public OwnedBy {
            ValidationException.requireNonNull(owner, "owner");
        }

        @Override
        public boolean matches(Customer customer, CustomerActivity activity, Instant now) {
            return customer.owner().equals(owner);
        }
    }

    /**
     * The customer's custom attribute {@code key} compares with {@code value} as {@code
     * comparison} says; a text or boolean value allows {@code =} and {@code !=} only. A customer
     * without the attribute, or with one of another type, does not match.
     */
    record AttributeIs(String key, Comparison comparison, AttributeValue value) implements SegmentRule {
        /** Validates the condition. */
        public AttributeIs {
            key = ValidationException.requireText(key, "attribute", 64);
            ValidationException.requireNonNull(comparison, "comparison");
            ValidationException.requireNonNull(value, "value");
            if (!(value instanceof AttributeValue.Text
                    || value instanceof AttributeValue.Number
                    || value instanceof AttributeValue.Bool)) {
                throw new ValidationException("value", "must be a text, a number or a boolean");
            }
            if (!(value instanceof AttributeValue.Number)
                    && comparison != Comparison.EQUAL
                    && comparison != Comparison.NOT_EQUAL) {
                throw new ValidationException("comparison", "a text or boolean compares with = or != only");
            }
        }

        @Override
        public boolean matches(Customer customer, CustomerActivity activity, Instant now) {
            Optional<AttributeValue> own = customer.attribute(key);
            if (own.isEmpty() || own.get().getClass() != value.getClass()) {
                return false;
            }
            if (value instanceof AttributeValue.Number n) {
                return comparison.test(
                        ((AttributeValue.Number) own.get()).value().compareTo(n.value()));
            }
            return comparison.test(own.get().equals(value) ? 0 : 1);
        }
    }

    /** The customer agreed to be contacted on {@code channel} for {@code purpose}. */
    record Consented(Channel channel, ConsentPurpose purpose) implements SegmentRule {
        /** Validates the condition. */
        public Consented {
            ValidationException.requireNonNull(channel, "channel");
            ValidationException.requireNonNull(purpose, "purpose");
        }

        @Override
        public boolean matches(Customer customer, CustomerActivity activity, Instant now) {
            return customer.hasConsent(channel, purpose);
        }
    }

    /** The customer has a contact point of {@code kind}. */
    record HasContact(ContactKind kind) implements SegmentRule {
        /** Validates the condition. */
        public HasContact {
            ValidationException.requireNonNull(kind, "kind");
        }

        @Override
        public boolean matches(Customer customer, CustomerActivity activity, Instant now) {
            return customer.primary(kind).isPresent();
        }
    }

    // ---- behaviour ---------------------------------------------------------------------------

    /** What a {@link DaysSince} counts from. */
    enum LastActivity {
        /** The customer's last order. */
        ORDER,
        /** The last interaction with the customer. */
        INTERACTION
    }

    /**
     * The whole days from the customer's last order (or interaction) to now compare with {@code
     * days}; a customer with none does not match.
     */
    record DaysSince(LastActivity last, Comparison comparison, long days) implements SegmentRule {
        /** Validates the condition. */
        public DaysSince {
            ValidationException.requireNonNull(last, "last");
            ValidationException.requireNonNull(comparison, "comparison");
            requireCount(days, "days");
        }

        @Override
        public boolean matches(Customer customer, CustomerActivity activity, Instant now) {
            Instant latest = null;
            if (last == LastActivity.ORDER) {
                for (CustomerActivity.OrderFact order : activity.orders()) {
                    latest = later(latest, order.at(), now);
                }
            } else {
                for (CustomerActivity.ContactFact contact : activity.contacts()) {
                    latest = later(latest, contact.at(), now);
                }
            }
            return latest != null
                    && comparison.test(
                            Long.compare(Duration.between(latest, now).toDays(), days));
        }
    }

    /** How many orders the customer placed in the last {@code withinDays} days compares with {@code count}. */
    record OrderCount(int withinDays, Comparison comparison, long count) implements SegmentRule {
        /** Validates the condition. */
        public OrderCount {
            requireDays(withinDays);
            ValidationException.requireNonNull(comparison, "comparison");
            requireCount(count, "count");
        }

        @Override
        public boolean matches(Customer customer, CustomerActivity activity, Instant now) {
            Instant from = now.minus(Duration.ofDays(withinDays));
            long n = 0;
            for (CustomerActivity.OrderFact order : activity.orders()) {
                if (!order.at().isBefore(from) && order.at().isBefore(now)) {
                    n++;
                }
            }
            return comparison.test(Long.compare(n, count));
        }
    }

    /**
     * The customer's orders in {@code currency} of the last {@code withinDays} days, added up,
     * compare with {@code amount}; orders in other currencies are not counted.
     */
    record Revenue(int withinDays, Currency currency, Comparison comparison, BigDecimal amount) implements SegmentRule {
        /** Validates the condition. */
        public Revenue {
            requireDays(withinDays);
            ValidationException.requireNonNull(currency, "currency");
            ValidationException.requireNonNull(comparison, "comparison");
            ValidationException.requireNonNull(amount, "amount");
        }

        @Override
        public boolean matches(Customer customer, CustomerActivity activity, Instant now) {
            Instant from = now.minus(Duration.ofDays(withinDays));
            BigDecimal sum = activity.orders().stream()
                    .filter(o -> !o.at().isBefore(from) && o.at().isBefore(now))
                    .filter(o -> o.total().currency().equals(currency))
                    .map(o -> o.total().amount())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            return comparison.test(sum.compareTo(amount));
        }
    }

    /** Each of the customer's RFM scores is at least the rule's; a customer not scored does not match. */
    record RfmAtLeast(int recency, int frequency, int monetary) implements SegmentRule {
        /** Validates the condition: scores 1–5. */
        public RfmAtLeast {
            for (int score : new int[] {recency, frequency, monetary}) {
                if (score < 1 || score > 5) {
                    throw new ValidationException("rfm", "scores are 1 to 5, was " + score);
                }
            }
        }

        @Override
        public boolean matches(Customer customer, CustomerActivity activity, Instant now) {
            return activity.rfm()
                    .filter(s ->
                            s.recency() >= recency && s.frequencyScore() >= frequency && s.monetaryScore() >= monetary)
                    .isPresent();
        }
    }

    /** The customer has an open opportunity in a stage named {@code stage} (exactly). */
    record OpenOpportunityIn(String stage) implements SegmentRule {
        /** Validates the condition. */
        public OpenOpportunityIn {
            stage = ValidationException.requireText(stage, "stage", 100);
        }

        @Override
        public boolean matches(Customer customer, CustomerActivity activity, Instant now) {
            return activity.openStages().contains(stage);
        }
    }

    /** The customer reached the tenant on {@code channel} in the last {@code withinDays} days. */
    record Inbound(Channel channel, int withinDays) implements SegmentRule {
        /** Validates the condition. */
        public Inbound {
            ValidationException.requireNonNull(channel, "channel");
            requireDays(withinDays);
        }

        @Override
        public boolean matches(Customer customer, CustomerActivity activity, Instant now) {
            Instant from = now.minus(Duration.ofDays(withinDays));
            return activity.contacts().stream()
                    .anyMatch(c -> c.channel() == channel
                            && c.direction() == Direction.INBOUND
                            && !c.at().isBefore(from)
                            && c.at().isBefore(now));
        }
    }

    /** The customer is a contact or employee of an organisation that matches {@code organisation}. */
    record ContactOf(SegmentRule organisation) implements SegmentRule {
        /** Validates the condition. */
        public ContactOf {
            ValidationException.requireNonNull(organisation, "organisation");
        }

        @Override
        public boolean matches(Customer customer, CustomerActivity activity, Instant now) {
            return activity.organisations().stream()
                    .anyMatch(o -> organisation.matches(o.customer(), o.activity(), now));
        }
    }

    /** {@code at} when it is before {@code now} and after {@code latest} (which may be null), else {@code latest}. */
    private static Instant later(Instant latest, Instant at, Instant now) {
        return at.isBefore(now) && (latest == null || at.isAfter(latest)) ? at : latest;
    }

    /** The longest period a behaviour condition looks back, in days (about 100 years). */
    int MAX_DAYS = 36_600;

    private static List<SegmentRule> atLeastTwo(List<SegmentRule> rules, String operator) {
        List<SegmentRule> copy = List.copyOf(ValidationException.requireNonNull(rules, "rules"));
        if (copy.size() < 2) {
            throw new ValidationException(
                    "rules", "'" + operator + "' combines at least two rules, had " + copy.size());
        }
        return copy;
    }

    private static void requireDays(int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new ValidationException("days", "must be 1 to " + MAX_DAYS + ", was " + days);
        }
    }

    private static void requireCount(long value, String field) {
        if (value < 0 || value > 1_000_000_000L) {
            throw new ValidationException(field, "must be 0 to 1000000000, was " + value);
        }
    }
}
