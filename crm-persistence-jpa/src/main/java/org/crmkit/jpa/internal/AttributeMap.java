package org.crmkit.jpa.internal;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import org.crmkit.core.customer.AttributeValue;

/**
 * A customer's custom attributes as one value, stored as a JSON object by {@link
 * AttributeMapConverter}. Not part of CRMKit's API.
 *
 * @param values the attributes by key, sorted by key
 */
public record AttributeMap(SortedMap<String, AttributeValue> values) {

    /** Copies the attributes. */
    public AttributeMap {
        values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
    }
}
