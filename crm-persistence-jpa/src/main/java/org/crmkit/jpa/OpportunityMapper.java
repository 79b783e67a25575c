package org.crmkit.jpa;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.common.Actor;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.sales.ForecastCategory;
import org.crmkit.core.sales.LineItem;
import org.crmkit.core.sales.Opportunity;
import org.crmkit.core.sales.OpportunityId;
import org.crmkit.core.sales.OpportunityStatus;
import org.crmkit.core.sales.PipelineId;
import org.crmkit.core.sales.StageChange;
import org.crmkit.core.sales.StageId;
import org.crmkit.jpa.internal.LineValue;
import org.crmkit.jpa.internal.OpportunityEntity;
import org.crmkit.jpa.internal.OpportunityLineEntity;
import org.crmkit.jpa.internal.OpportunityStageChangeEntity;

/**
 * Maps the core's immutable {@link Opportunity} to and from its rows: an {@link OpportunityEntity},
 * an {@link OpportunityLineEntity} per line item and an {@link OpportunityStageChangeEntity} per
 * entry of its history, each in order. Instants are kept to the microsecond: {@link #normalised} is
 * the opportunity exactly as the store will hand it back. Amounts are written at the columns' scale
 * ({@link LineItemMapper#scaled}). Stateless.
 */
final class OpportunityMapper {
    private OpportunityMapper() {}

    /** {@code opportunity} with its instants truncated to microseconds; itself when none needs it. */
    static Opportunity normalised(Opportunity opportunity) {
        boolean micros = CustomerMapper.isMicros(opportunity.audit().createdAt())
                && CustomerMapper.isMicros(opportunity.audit().updatedAt())
                && opportunity.closedAt().map(CustomerMapper::isMicros).orElse(true);
        for (StageChange change : opportunity.history()) {
            micros &= CustomerMapper.isMicros(change.at());
        }
        if (micros) {
            return opportunity;
        }
        List<StageChange> history = new ArrayList<>(opportunity.history().size());
        for (StageChange change : opportunity.history()) {
            history.add(
                    new StageChange(change.stage(), change.status(), CustomerMapper.micros(change.at()), change.by()));
        }
        return opportunity.toBuilder()
                .closedAt(opportunity.closedAt().map(CustomerMapper::micros).orElse(null))
                .history(history)
                .audit(CustomerMapper.micros(opportunity.audit()))
                .build();
    }

    /** A new row holding {@code opportunity}, which must be {@link #normalised}, without lines and history. */
    static OpportunityEntity newEntity(Opportunity opportunity) {
        OpportunityEntity entity = new OpportunityEntity(
                opportunity.tenant().value(), opportunity.id().value());
        apply(opportunity, entity);
        return entity;
    }

    /**
     * Writes the state of {@code opportunity} (already {@link #normalised}) but its lines and history
     * into {@code entity}; their counts too.
     *
     * @return whether any column changed
     */
    static boolean apply(Opportunity opportunity, OpportunityEntity entity) {
        List<Object> before = columns(entity);
        entity.setCustomerId(opportunity.customer().value());
        entity.setOwnerId(opportunity.owner().value());
        entity.setPipelineId(opportunity.pipeline().value());
        entity.setName(opportunity.name());
        entity.setAmount(LineItemMapper.scaled(opportunity.amount().amount()));
        entity.setCurrency(opportunity.amount().currency().getCurrencyCode());
        entity.setExpectedClose(opportunity.expectedClose());
        entity.setStageId(opportunity.stage().value());
        entity.setProbabilityOverride(
                opportunity.probabilityOverride().isPresent()
                        ? (short) opportunity.probabilityOverride().getAsInt()
                        : null);
        entity.setPredictedProbability(
                opportunity.predictedProbability().isPresent()
                        ? (short) opportunity.predictedProbability().getAsInt()
                        : null);
        entity.setForecastCategory(opportunity.forecastCategory().name());
        entity.setSourceChannel(opportunity.sourceChannel().map(Channel::name).orElse(null));
        entity.setSourceCampaignId(opportunity.sourceCampaign().orElse(null));
        entity.setStatus(opportunity.status().name());
        entity.setCloseReason(opportunity.closeReason().orElse(null));
        entity.setClosedAt(opportunity.closedAt().orElse(null));
        entity.setLineCount((short) opportunity.lines().size());
        entity.setHistoryCount(opportunity.history().size());
        entity.setAudit(CustomerMapper.auditValue(opportunity.audit()));
        return !before.equals(columns(entity));
    }

    /**
     * Writes {@code line} into the row at its position.
     *
     * @return whether any column changed
     */
    static boolean apply(LineItem line, OpportunityLineEntity row) {
        LineValue value = LineItemMapper.value(line);
        boolean changed = !value.equals(row.getLine());
        if (changed) {
            row.setLine(value);
        }
        return changed;
    }

    /**
     * Writes {@code change} into the row at its position.
     *
     * @return whether any column changed
     */
    static boolean apply(StageChange change, OpportunityStageChangeEntity row) {
        boolean changed = !change.stage().value().equals(row.getStageId())
                || !change.status().name().equals(row.getStatus())
                || !change.at().equals(row.getChangedAt())
                || !change.by().kind().name().equals(row.getChangedByKind())
                || !change.by().id().equals(row.getChangedById());
        row.setStageId(change.stage().value());
        row.setStatus(change.status().name());
        row.setChangedAt(change.at());
        row.setChangedByKind(change.by().kind().name());
        row.setChangedById(change.by().id());
        return changed;
    }

    /** The history entry a row of {@code crmkit_opportunity_stage_change} holds. */
    static StageChange change(UUID stageId, String status, Instant at, String byKind, String byId) {
        return new StageChange(
                new StageId(stageId),
                OpportunityStatus.valueOf(status),
                at,
                new Actor(Actor.Kind.valueOf(byKind), byId));
    }

    /** The opportunity held by {@code entity} with {@code lines} and {@code history}, each in order. */
    static Opportunity toDomain(OpportunityEntity entity, List<LineItem> lines, List<StageChange> history) {
        Short probability = entity.getProbabilityOverride();
        return Opportunity.builder(
                        new OpportunityId(entity.getId()),
                        TenantId.of(entity.getTenantId()),
                        new CustomerId(entity.getCustomerId()),
                        StaffId.of(entity.getOwnerId()),
                        new PipelineId(entity.getPipelineId()),
                        entity.getName(),
                        entity.getExpectedClose(),
                        new StageId(entity.getStageId()),
                        CustomerMapper.audit(entity.getAudit()))
                // with lines, the amount is their sum, which the opportunity derives itself
                .amount(lines.isEmpty() ? Money.of(entity.getAmount(), Money.currency(entity.getCurrency())) : null)
                .lines(lines)
                .probabilityOverride(probability == null ? null : probability.intValue())
                .predictedProbability(
                        entity.getPredictedProbability() == null
                                ? null
                                : entity.getPredictedProbability().intValue())
                .forecastCategory(ForecastCategory.valueOf(entity.getForecastCategory()))
                .sourceChannel(entity.getSourceChannel() == null ? null : Channel.valueOf(entity.getSourceChannel()))
                .sourceCampaign(entity.getSourceCampaignId())
                .status(OpportunityStatus.valueOf(entity.getStatus()))
                .closeReason(entity.getCloseReason())
                .closedAt(entity.getClosedAt())
                .history(history)
                .version(entity.getVersion() + 1)
                .build();
    }

    /** The values of every column of {@code e} but its key and version, to tell a change. */
    private static List<Object> columns(OpportunityEntity e) {
        return Arrays.asList(
                e.getCustomerId(),
                e.getOwnerId(),
                e.getPipelineId(),
                e.getName(),
                e.getAmount(),
                e.getCurrency(),
                e.getExpectedClose(),
                e.getStageId(),
                e.getProbabilityOverride(),
                e.getForecastCategory(),
                e.getSourceChannel(),
                e.getSourceCampaignId(),
                e.getStatus(),
                e.getCloseReason(),
                e.getClosedAt(),
                e.getLineCount(),
                e.getHistoryCount(),
                e.getAudit());
    }
}
