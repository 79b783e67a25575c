package org.crmkit.core.spi;

import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.Transactions;
import org.crmkit.core.customer.CustomerRepository;
import org.crmkit.core.customer.RelationshipRepository;
import org.crmkit.core.interaction.InteractionRepository;
import org.crmkit.core.report.PipelineTotals;
import org.crmkit.core.report.ProductBaskets;
import org.crmkit.core.routing.RotationRepository;
import org.crmkit.core.sales.OpportunityRepository;
import org.crmkit.core.sales.OrderRepository;
import org.crmkit.core.sales.PipelineRepository;
import org.crmkit.core.sales.QuotaRepository;
import org.crmkit.core.segment.RfmScores;
import org.crmkit.core.segment.SegmentMembers;
import org.crmkit.core.segment.SegmentSources;
import org.crmkit.core.service.RequestRepository;
import org.crmkit.core.task.TaskRepository;

/**
 * The port a persistence adapter implements: one repository per aggregate, handed out for one
 * tenant at a time, and units of work across them. CRMKit ships the in-memory store
 * ({@code org.crmkit.core.memory}), a JDBC store and a JPA store; a host may write its own and prove
 * it with the {@code crm-testkit} contract tests.
 *
 * <p>Implementations are thread-safe. Repositories take part in the unit of work the current thread
 * runs in {@link #inTransaction}; outside one, each repository call is its own unit of work.
 */
public interface CrmStore extends Transactions {

    /** The customers of {@code tenant}. */
    CustomerRepository customers(TenantId tenant);

    /** The relationships between customers of {@code tenant}. */
    RelationshipRepository relationships(TenantId tenant);

    /** The interactions with customers of {@code tenant}. */
    InteractionRepository interactions(TenantId tenant);

    /** The service requests of {@code tenant}. */
    RequestRepository requests(TenantId tenant);

    /** The tasks and reminders of {@code tenant}. */
    TaskRepository tasks(TenantId tenant);

    /** Whose turn it is in each of {@code tenant}'s teams. */
    RotationRepository rotations(TenantId tenant);

    /** The sales pipelines of {@code tenant}. */
    PipelineRepository pipelines(TenantId tenant);

    /** The opportunities of {@code tenant}. */
    OpportunityRepository opportunities(TenantId tenant);

    /** The orders of {@code tenant}. */
    OrderRepository orders(TenantId tenant);

    /** The sales quotas of {@code tenant}. */
    QuotaRepository quotas(TenantId tenant);

    /**
     * The opportunity sums behind pipeline analysis and the weighted forecast for {@code tenant}. The
     * default reads every opportunity ({@link PipelineTotals#scanning}); SQL stores override it to
     * sum in the database.
     */
    default PipelineTotals pipelineTotals(TenantId tenant) {
        return PipelineTotals.scanning(opportunities(tenant));
    }

    /**
     * The basket counts behind cross-selling for {@code tenant}. The default reads every order
     * ({@link ProductBaskets#scanning}); SQL stores override it to count in the database.
     */
    default ProductBaskets productBaskets(TenantId tenant) {
        return ProductBaskets.scanning(orders(tenant));
    }

    /**
     * The RFM scores of {@code tenant}'s customers. The default reads every order ({@link
     * RfmScores#scanning}); SQL stores override it to score in the database.
     */
    default RfmScores rfmScores(TenantId tenant) {
        return RfmScores.scanning(orders(tenant));
    }

    /**
     * Which customers of {@code tenant} a segment rule selects. The default evaluates the rule in
     * memory over what the repositories hold ({@link SegmentMembers#scanning}).
     */
    default SegmentMembers segmentMembers(TenantId tenant) {
        return SegmentMembers.scanning(new SegmentSources(
                customers(tenant),
                relationships(tenant),
                interactions(tenant),
                pipelines(tenant),
                opportunities(tenant),
                orders(tenant)));
    }

    /**
     * Runs {@code action} once the changes of the unit of work that just ended on the calling thread
     * are committed, and never when they are rolled back. The facade delivers domain events through
     * it. The default runs {@code action} at once, which is right for a store whose outermost {@link
     * #inTransaction} commits before it returns; a store that joins transactions the host commits
     * later defers {@code action} to that commit.
     */
    default void afterCommit(Runnable action) {
        action.run();
    }
}
