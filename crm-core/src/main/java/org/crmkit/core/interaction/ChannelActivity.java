package org.crmkit.core.interaction;

import java.time.Instant;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.ValidationException;

/**
 * How much contact one customer had on one channel: the interactions in each direction and the
 * latest of them, leaving out interactions that a correction superseded.
 *
 * @param channel the channel
 * @param inbound how many inbound interactions the customer took part in on it
 * @param outbound how many outbound interactions the customer took part in on it
 * @param lastContactAt when the latest of them occurred
 */
public record ChannelActivity(Channel channel, long inbound, long outbound, Instant lastContactAt) {

    /** Validates the activity. */
    public ChannelActivity {
        ValidationException.requireNonNull(channel, "activity.channel");
        ValidationException.requireNonNull(lastContactAt, "activity.lastContactAt");
        if (inbound < 0 || outbound < 0 || inbound + outbound < 1) {
            throw new ValidationException(
                    "activity",
                    "needs at least one interaction and no negative count, was " + inbound + "/" + outbound);
        }
    }

    /** Interactions in both directions. */
    public long total() {
        return inbound + outbound;
    }
}
