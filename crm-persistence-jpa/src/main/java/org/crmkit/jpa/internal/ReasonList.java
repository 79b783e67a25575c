package org.crmkit.jpa.internal;

import java.util.List;

/**
 * The reasons a pipeline's opportunities may be won or lost for, in order, as one value, stored as a
 * JSON array of text by {@link ReasonListConverter}. Not part of CRMKit's API.
 *
 * @param reasons the reasons; empty means any
 */
public record ReasonList(List<String> reasons) {

    /** Copies the reasons. */
    public ReasonList {
        reasons = List.copyOf(reasons);
    }
}
