package org.crmkit.core.sales;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.customer.CustomerId;

/**
 * What a host knows about a new opportunity; {@link SalesService#createOpportunity} validates it. It
 * starts in the pipeline's first active stage unless {@link #stage} says otherwise. A mutable
 * builder, not thread-safe.
 */
public final class OpportunityDraft {
    final CustomerId customer;
    final PipelineId pipeline;
    final String name;
    final LocalDate expectedClose;
    StaffId owner;
    Money amount;
    final List<LineItem> lines = new ArrayList<>();
    StageId stage;
    Integer probability;
    Channel sourceChannel;
    UUID sourceCampaign;

    private OpportunityDraft(CustomerId customer, PipelineId pipeline, String name, LocalDate expectedClose) {
        this.customer = customer;
        this.pipeline = pipeline;
        this.name = name;
        this.expectedClose = expectedClose;
    }

    /** An opportunity to sell to {@code customer} in {@code pipeline}, expected to close on {@code expectedClose}. */
    public static OpportunityDraft of(CustomerId customer, PipelineId pipeline, String name, LocalDate expectedClose) {
        return new OpportunityDraft(customer, pipeline, name, expectedClose);
    }

    /** The sales rep whose it is; unless given, the customer's owner, else the configured lead routing's choice. */
    public OpportunityDraft owner(StaffId owner) {
        this.owner = owner;
        return this;
    }

    /** What it is worth, for an opportunity without line items. */
    public OpportunityDraft amount(Money amount) {
        this.amount = amount;
        return this;
    }

    /** Adds a line item; the amount is then the sum of the lines. */
    public OpportunityDraft line(LineItem line) {
        lines.add(line);
        return this;
    }

    /** The stage it starts in. */
    public OpportunityDraft stage(StageId stage) {
        this.stage = stage;
        return this;
    }

    /** A win probability in percent, overriding the stage's. */
    public OpportunityDraft probability(int percent) {
        this.probability = percent;
        return this;
    }

    /** The channel it came in through. */
    public OpportunityDraft source(Channel channel) {
        this.sourceChannel = channel;
        return this;
    }

    /** The campaign it came from. */
    public OpportunityDraft campaign(UUID campaign) {
        this.sourceCampaign = campaign;
        return this;
    }
}
