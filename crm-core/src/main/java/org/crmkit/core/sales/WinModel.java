package org.crmkit.core.sales;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.common.ValidationException;

/**
 * A naive Bayes model of winning, learned by {@link WinPredictor#train} from one tenant's closed
 * opportunities: the win rate as the prior and, per feature value, how often it occurred among won
 * and among lost ones. Plain data, so that a host can keep it as JSON and score with it later.
 * Immutable and thread-safe.
 *
 * @param tenant the tenant whose opportunities it learned from, and the only one it scores
 * @param won how many won opportunities it learned from, at least 1
 * @param lost how many lost ones, at least 1
 * @param amountBands the amount bands per currency
 * @param counts one row per feature value seen
 */
public record WinModel(TenantId tenant, int won, int lost, List<AmountBands> amountBands, List<FactorCount> counts) {

    /** Validates the model and copies its lists. */
    public WinModel {
        ValidationException.requireNonNull(tenant, "model.tenant");
        if (won < 1 || lost < 1) {
            throw new ValidationException(
                    "model", "needs won and lost opportunities both, had " + won + " won and " + lost + " lost");
        }
        amountBands = List.copyOf(ValidationException.requireNonNull(amountBands, "model.amountBands"));
        counts = List.copyOf(ValidationException.requireNonNull(counts, "model.counts"));
    }

    /** The log-odds of the win rate: ln(won / lost). */
    public double priorLogOdds() {
        return Math.log((double) won / lost);
    }

    /**
     * The predicted win probability of the open opportunity {@code open} of {@code pipeline} at
     * {@code now}, with each feature's contribution. A value the training data did not hold (a new
     * owner, a currency without bands, a pipeline it never saw) contributes nothing.
     *
     * @throws ValidationException naming {@code opportunity.status} when it is not open, {@code
     *     opportunity.tenant} for another tenant's, {@code pipeline} when it is not the opportunity's
     */
    public WinScore score(Opportunity open, Pipeline pipeline, Instant now) {
        ValidationException.requireNonNull(open, "opportunity");
        ValidationException.requireNonNull(pipeline, "pipeline");
        ValidationException.requireNonNull(now, "now");
        if (open.status() != OpportunityStatus.OPEN) {
            throw new ValidationException(
                    "opportunity.status",
                    "must be OPEN to be scored, was " + open.status() + " (its outcome is known)");
        }
        if (!open.tenant().equals(tenant)) {
            throw new ValidationException(
                    "opportunity.tenant", "is " + open.tenant() + ", the model is " + tenant + "'s");
        }
        if (!pipeline.id().equals(open.pipeline())) {
            throw new ValidationException(
                    "pipeline", "is " + pipeline.id() + ", the opportunity is in " + open.pipeline());
        }
        Map<String, FactorCount> rows = counts.stream()
                .collect(Collectors.toMap(c -> c.factor() + "/" + c.value(), Function.identity(), (a, b) -> a));
        List<FactorContribution> factors = new ArrayList<>(WinFactor.values().length);
        Stage furthest = pipeline.stages().get(WinPredictor.furthestStage(open, pipeline, "opportunity.history"));
        factors.add(contribution(rows, WinFactor.STAGE, furthest.id().toString(), "reached " + furthest.name()));
        String source = WinPredictor.sourceKey(open);
        factors.add(contribution(rows, WinFactor.SOURCE, source, WinPredictor.sourceLabel(source)));
        Optional<AmountBands> bands = amountBands.stream()
                .filter(b -> b.currency().equals(open.amount().currency()))
                .findFirst();
        if (bands.isPresent()) {
            int band = bands.get().band(open.amount().amount());
            factors.add(contribution(
                    rows, WinFactor.AMOUNT, bands.get().key(band), bands.get().label(band)));
        } else {
            factors.add(new FactorContribution(WinFactor.AMOUNT, open.amount().toString(), 0, false));
        }
        factors.add(contribution(
                rows, WinFactor.OWNER, open.owner().value(), open.owner().value()));
        int age = WinPredictor.ageBand(WinPredictor.days(open.audit().createdAt(), now));
        factors.add(contribution(
                rows,
                WinFactor.AGE,
                Integer.toString(age),
                age == 0 ? "open under " + WinPredictor.AGE_BANDS.get(1) + " days" : "open ≥ " + age + " days"));
        factors.sort(Comparator.comparingDouble((FactorContribution f) -> -Math.abs(f.logOdds())));
        double prior = priorLogOdds();
        double logOdds = prior
                + factors.stream().mapToDouble(FactorContribution::logOdds).sum();
        return new WinScore(open.id(), 100 / (1 + Math.exp(-logOdds)), prior, logOdds, factors);
    }

    private static FactorContribution contribution(
            Map<String, FactorCount> rows, WinFactor factor, String key, String label) {
        FactorCount row = rows.get(factor + "/" + key);
        return row == null
                ? new FactorContribution(factor, label, 0, false)
                : new FactorContribution(factor, label, row.logLikelihoodRatio(), true);
    }
}
