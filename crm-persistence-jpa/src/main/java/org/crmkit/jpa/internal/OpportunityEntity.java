package org.crmkit.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The row of one opportunity in {@code crmkit_opportunity}. Its line items and stage history are rows
 * of their own ({@link OpportunityLineEntity}, {@link OpportunityStageChangeEntity}) that the store
 * writes and reads itself, so the provider never loads a collection behind the store's back; {@link
 * #getLineCount()} and {@link #getHistoryCount()} say how many there are, so that a read skips the
 * line table when there are none and can tell it saw every row of the version it read. The store
 * maps it to and from the core's immutable {@code Opportunity}. Not part of CRMKit's API; not
 * thread-safe.
 *
 * <p>The JPA {@link #getVersion() version} starts at 0 on insert; the core's version is one higher.
 * Every save of an opportunity moves it on, also one that changes only lines or history.
 */
@Entity(name = "CrmkitOpportunity")
@Table(name = "crmkit_opportunity")
@IdClass(OpportunityKey.class)
public class OpportunityEntity {
    @Id
    @Column(name = "tenant_id", nullable = false, length = 64)
    private String tenantId;

    @Id
    @Column(name = "id", nullable = false)
    private UUID id;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "customer_id", nullable = false)
    private UUID customerId;

    @Column(name = "owner_id", nullable = false, length = 128)
    private String ownerId;

    @Column(name = "pipeline_id", nullable = false)
    private UUID pipelineId;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "amount", nullable = false, precision = 38, scale = 4)
    private BigDecimal amount;

    @Column(name = "currency", nullable = false, length = 3)
    private String currency;

    @Column(name = "expected_close", nullable = false)
    private LocalDate expectedClose;

    @Column(name = "stage_id", nullable = false)
    private UUID stageId;

    @Column(name = "probability_override")
    private Short probabilityOverride;

    @Column(name = "predicted_probability")
    private Short predictedProbability;

    @Column(name = "forecast_category", nullable = false, length = 16)
    private String forecastCategory;

    @Column(name = "source_channel", length = 32)
    private String sourceChannel;

    @Column(name = "source_campaign_id")
    private UUID sourceCampaignId;

    @Column(name = "status", nullable = false, length = 8)
    private String status;

    @Column(name = "close_reason", length = 100)
    private String closeReason;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "line_count", nullable = false)
    private short lineCount;

    @Column(name = "history_count", nullable = false)
    private int historyCount;

    @Embedded
    private AuditValue audit;

    /** For the persistence provider. */
    protected OpportunityEntity() {}

    /** A new, not yet persisted opportunity row. */
    public OpportunityEntity(String tenantId, UUID id) {
        this.tenantId = tenantId;
        this.id = id;
    }

    /** The tenant. */
    public String getTenantId() {
        return tenantId;
    }

    /** The opportunity's id. */
    public UUID getId() {
        return id;
    }

    /** The JPA version: 0 after the insert, one higher after each update. */
    public long getVersion() {
        return version;
    }

    /** The customer's id. */
    public UUID getCustomerId() {
        return customerId;
    }

    /** Sets the customer. */
    public void setCustomerId(UUID customerId) {
        this.customerId = customerId;
    }

    /** The owner's staff id. */
    public String getOwnerId() {
        return ownerId;
    }

    /** Sets the owner. */
    public void setOwnerId(String ownerId) {
        this.ownerId = ownerId;
    }

    /** The pipeline's id. */
    public UUID getPipelineId() {
        return pipelineId;
    }

    /** Sets the pipeline. */
    public void setPipelineId(UUID pipelineId) {
        this.pipelineId = pipelineId;
    }

    /** The name. */
    public String getName() {
        return name;
    }

    /** Sets the name. */
    public void setName(String name) {
        this.name = name;
    }

    /** What it is worth, in {@link #getCurrency()}. */
    public BigDecimal getAmount() {
        return amount;
    }

    /** Sets the amount. */
    public void setAmount(BigDecimal amount) {
        this.amount = amount;
    }

    /** The ISO 4217 code of the amount's currency. */
    public String getCurrency() {
        return currency;
    }

    /** Sets the currency. */
    public void setCurrency(String currency) {
        this.currency = currency;
    }

    /** When it should close. */
    public LocalDate getExpectedClose() {
        return expectedClose;
    }

    /** Sets when it should close. */
    public void setExpectedClose(LocalDate expectedClose) {
        this.expectedClose = expectedClose;
    }

    /** The id of the stage it is in. */
    public UUID getStageId() {
        return stageId;
    }

    /** Sets the stage. */
    public void setStageId(UUID stageId) {
        this.stageId = stageId;
    }

    /** The win probability set by hand, in percent, or null. */
    public Short getProbabilityOverride() {
        return probabilityOverride;
    }

    /** Sets the probability set by hand. */
    public void setProbabilityOverride(Short probabilityOverride) {
        this.probabilityOverride = probabilityOverride;
    }

    /** The win probability a model predicted, in percent, or null. */
    public Short getPredictedProbability() {
        return predictedProbability;
    }

    /** Sets the predicted win probability. */
    public void setPredictedProbability(Short predictedProbability) {
        this.predictedProbability = predictedProbability;
    }

    /** The {@code ForecastCategory} name. */
    public String getForecastCategory() {
        return forecastCategory;
    }

    /** Sets the forecast category. */
    public void setForecastCategory(String forecastCategory) {
        this.forecastCategory = forecastCategory;
    }

    /** The {@code Channel} name it came in through, or null. */
    public String getSourceChannel() {
        return sourceChannel;
    }

    /** Sets the source channel. */
    public void setSourceChannel(String sourceChannel) {
        this.sourceChannel = sourceChannel;
    }

    /** The id of the campaign it came from, or null. */
    public UUID getSourceCampaignId() {
        return sourceCampaignId;
    }

    /** Sets the source campaign. */
    public void setSourceCampaignId(UUID sourceCampaignId) {
        this.sourceCampaignId = sourceCampaignId;
    }

    /** The {@code OpportunityStatus} name. */
    public String getStatus() {
        return status;
    }

    /** Sets the status. */
    public void setStatus(String status) {
        this.status = status;
    }

    /** Why it was won or lost, or null. */
    public String getCloseReason() {
        return closeReason;
    }

    /** Sets the close reason. */
    public void setCloseReason(String closeReason) {
        this.closeReason = closeReason;
    }

    /** When it was won or lost, or null. */
    public Instant getClosedAt() {
        return closedAt;
    }

    /** Sets when it was closed. */
    public void setClosedAt(Instant closedAt) {
        this.closedAt = closedAt;
    }

    /** How many rows of {@code crmkit_opportunity_line} it has. */
    public short getLineCount() {
        return lineCount;
    }

    /** Sets how many line items it has. */
    public void setLineCount(short lineCount) {
        this.lineCount = lineCount;
    }

    /** How many rows of {@code crmkit_opportunity_stage_change} it has. */
    public int getHistoryCount() {
        return historyCount;
    }

    /** Sets how many history entries it has. */
    public void setHistoryCount(int historyCount) {
        this.historyCount = historyCount;
    }

    /** The audit columns. */
    public AuditValue getAudit() {
        return audit;
    }

    /** Sets the audit columns. */
    public void setAudit(AuditValue audit) {
        this.audit = audit;
    }
}
