package org.crmkit.core.interaction;

import java.util.UUID;
import org.crmkit.core.common.ValidationException;

/**
 * A reference from an interaction to another aggregate (an opportunity, a request, a campaign), by
 * that aggregate's id. Stores keep the id as it is; they do not check that the aggregate exists.
 *
 * @param kind the kind of aggregate
 * @param id the aggregate's id
 */
public record InteractionLink(LinkKind kind, UUID id) {

    /** Validates the link. */
    public InteractionLink {
        ValidationException.requireNonNull(kind, "interaction.links.kind");
        ValidationException.requireNonNull(id, "interaction.links.id");
    }

    /** A link to the aggregate of {@code kind} with {@code id}. */
    public static InteractionLink of(LinkKind kind, UUID id) {
        return new InteractionLink(kind, id);
    }
}
