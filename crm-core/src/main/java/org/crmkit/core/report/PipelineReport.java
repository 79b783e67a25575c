package org.crmkit.core.report;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.ValidationException;
import org.crmkit.core.sales.PipelineId;

/**
 * The funnel of one pipeline: the open amount per stage now and, over the opportunities won or lost
 * in a period, stage-to-stage conversion, win rate, average deal size, average sales cycle and
 * pipeline velocity. Amounts are kept per currency, one {@link Money} per currency by currency
 * code; different currencies are never added.
 *
 * @param pipeline the pipeline
 * @param period the period whose closed opportunities are counted
 * @param owner the owner whose opportunities alone are counted; empty for all
 * @param stages one per stage of the pipeline, in its order
 * @param won how many were won in the period
 * @param lost how many were lost in the period
 * @param wonAmount the amounts won
 * @param averageDealSize the won amount per won opportunity, per currency (rounded half-even)
 * @param averageCycle the average time from creation to win of the won ones; empty when none
 * @param velocity the expected revenue per day of the open pipeline: open opportunities × win rate
 *     × average deal size ÷ average cycle in days, per currency with open and won amounts; empty
 *     when nothing was won
 */
public record PipelineReport(
        PipelineId pipeline,
        ReportPeriod period,
        Optional<StaffId> owner,
        List<StageFigures> stages,
        long won,
        long lost,
        List<Money> wonAmount,
        List<Money> averageDealSize,
        Optional<Duration> averageCycle,
        List<Money> velocity) {

    /** Validates the report and copies the lists. */
    public PipelineReport {
        ValidationException.requireNonNull(pipeline, "pipeline");
        ValidationException.requireNonNull(period, "period");
        ValidationException.requireNonNull(owner, "owner");
        stages = List.copyOf(ValidationException.requireNonNull(stages, "stages"));
        wonAmount = List.copyOf(ValidationException.requireNonNull(wonAmount, "wonAmount"));
        averageDealSize = List.copyOf(ValidationException.requireNonNull(averageDealSize, "averageDealSize"));
        ValidationException.requireNonNull(averageCycle, "averageCycle");
        velocity = List.copyOf(ValidationException.requireNonNull(velocity, "velocity"));
    }

    /** The share of the closed opportunities that was won; empty when none was closed. */
    public OptionalDouble winRate() {
        long closed = won + lost;
        return closed == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) won / closed);
    }
}
