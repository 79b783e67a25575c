package org.crmkit.core.routing;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.ValidationException;

/**
 * Which work a {@link RoutingRule} takes. The factories match one property of the {@link
 * RoutingSubject}; a subject that lacks the property never matches. Texts (topics, regions) match
 * ignoring case. Implementations are thread-safe.
 */
@FunctionalInterface
public interface RoutingCondition {

    /** Whether {@code subject} is work for the rule. */
    boolean matches(RoutingSubject subject);

    /** Both this condition and {@code other}. */
    default RoutingCondition and(RoutingCondition other) {
        ValidationException.requireNonNull(other, "condition");
        return subject -> matches(subject) && other.matches(subject);
    }

    /** This condition or {@code other}. */
    default RoutingCondition or(RoutingCondition other) {
        ValidationException.requireNonNull(other, "condition");
        return subject -> matches(subject) || other.matches(subject);
    }

    /** Every subject. */
    static RoutingCondition any() {
        return subject -> true;
    }

    /** Work that came in on one of {@code channels}. */
    static RoutingCondition channel(Channel... channels) {
        Set<Channel> wanted = Set.copyOf(Arrays.asList(ValidationException.requireNonNull(channels, "channels")));
        return subject -> subject.channel().filter(wanted::contains).isPresent();
    }

    /** Work about one of {@code topics}. */
    static RoutingCondition topic(String... topics) {
        List<String> wanted = folded(topics, "topics");
        return subject -> subject.topic()
                .filter(t -> wanted.contains(t.toLowerCase(Locale.ROOT)))
                .isPresent();
    }

    /** Work for customers in one of {@code languages}, compared by language alone ("de" matches "de-AT"). */
    static RoutingCondition language(Locale... languages) {
        Set<String> wanted = Set.copyOf(Arrays.stream(ValidationException.requireNonNull(languages, "languages"))
                .map(Locale::getLanguage)
                .toList());
        return subject ->
                subject.language().filter(l -> wanted.contains(l.getLanguage())).isPresent();
    }

    /** Work from one of {@code regions}. */
    static RoutingCondition region(String... regions) {
        List<String> wanted = folded(regions, "regions");
        return subject -> subject.region()
                .filter(r -> wanted.contains(r.toLowerCase(Locale.ROOT)))
                .isPresent();
    }

    /** Work for customers owned by one of {@code owners}. */
    static RoutingCondition customerOwnedBy(StaffId... owners) {
        Set<StaffId> wanted = Set.copyOf(Arrays.asList(ValidationException.requireNonNull(owners, "owners")));
        return subject -> subject.customerOwner().filter(wanted::contains).isPresent();
    }

    private static List<String> folded(String[] values, String field) {
        ValidationException.requireNonNull(values, field);
        return Arrays.stream(values)
                .map(v -> ValidationException.requireText(v, field, 128).toLowerCase(Locale.ROOT))
                .toList();
    }
}
