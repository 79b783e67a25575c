package org.crmkit.core.sales;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.crmkit.core.common.ValidationException;

/**
 * Learns an explainable win probability from a tenant's closed opportunities: naive Bayes with
 * Laplace smoothing over five features, the prior from the win rate. Stateless and thread-safe.
 *
 * <p>The features, and why each is what it is:
 *
 * <ul>
 *   <li><b>stage</b>: the furthest stage of its pipeline an opportunity reached (by position in the
 *       pipeline, retired stages where they stood), for closed and open ones alike; the stage it was
 *       closed in says little, since a lost deal may be closed from anywhere. The feature is "reached
 *       at least stage s": an open one in Proposal is compared with the closed ones that got at least
 *       as far, not with those that stopped there (which are mostly lost).
 *   <li><b>age</b>: likewise "still open after a days", from the bands 0, 15, 31, 61, 91 and 181
 *       days: a closed one counts for every band up to its age at closing, an open one takes the
 *       band of its age at scoring.
 *   <li><b>source</b>: its campaign, else its source channel, else none.
 *   <li><b>amount</b>: the quartile band of its amount among the training amounts of its currency
 *       (fewer bands when a currency has fewer than four amounts or repeated bounds).
 *   <li><b>owner</b>: its owner.
 * </ul>
 *
 * <p>P(value | won) = (count + 1) / (won + levels), levels being 2 for the two "at least" features
 * and the number of values seen for the others; a value's contribution is ln P(value | won) − ln
 * P(value | lost), and the probability is the logistic of the prior ln(won / lost) plus the
 * contributions.
 */
public final class WinPredictor {
    /** The fewest closed opportunities {@link #train(Collection, Collection)} learns from. */
    public static final int MINIMUM_CLOSED = 20;

    /** The lower ends of the age bands, in days. */
    public static final List<Integer> AGE_BANDS = List.of(0, 15, 31, 61, 91, 181);

    private WinPredictor() {}

    /**
     * A model learned from {@code closed}, or empty when they are fewer than {@link #MINIMUM_CLOSED}
     * or all won or all lost: too little to predict from, and no number is better than a made-up one.
     *
     * @throws ValidationException as {@link #train(Collection, Collection, int)}
     */
    public static Optional<WinModel> train(Collection<Opportunity> closed, Collection<Pipeline> pipelines) {
        return train(closed, pipelines, MINIMUM_CLOSED);
    }

    /**
     * A model learned from {@code closed}, or empty when they are fewer than {@code minimumClosed} or
     * all of one outcome.
     *
     * @param closed won and lost opportunities of one tenant
     * @param pipelines the pipelines they are in (others are ignored)
     * @param minimumClosed the fewest closed opportunities to learn from, at least 2
     * @throws ValidationException naming {@code closed[i]} for an open or missing opportunity, {@code
     *     closed[i].tenant} for another tenant's, {@code closed[i].pipeline} when its pipeline is not
     *     given, {@code minimumClosed} when below 2, or the missing argument
     */
    public static Optional<WinModel> train(
            Collection<Opportunity> closed, Collection<Pipeline> pipelines, int minimumClosed) {
        ValidationException.requireNonNull(closed, "closed");
        ValidationException.requireNonNull(pipelines, "pipelines");
        if (minimumClosed < 2) {
            throw new ValidationException("minimumClosed", "must be at least 2, was " + minimumClosed);
        }
        Map<PipelineId, Pipeline> byId = new HashMap<>();
        int p = 0;
        for (Pipeline pipeline : pipelines) {
            byId.put(
                    ValidationException.requireNonNull(pipeline, "pipelines[" + p++ + "]")
                            .id(),
                    pipeline);
        }
        List<Opportunity> list = new ArrayList<>(closed);
        Opportunity first = null;
        int won = 0;
        int lost = 0;
        for (int i = 0; i < list.size(); i++) {
            Opportunity o = list.get(i);
            if (o == null) {
                throw new ValidationException("closed[" + i + "]", "is required");
            }
            if (o.status() == OpportunityStatus.OPEN) {
                throw new ValidationException("closed[" + i + "]", "must be WON or LOST, was OPEN");
            }
            if (first == null) {
                first = o;
            } else if (!o.tenant().equals(first.tenant())) {
                throw new ValidationException(
                        "closed[" + i + "].tenant", "is " + o.tenant() + ", the others are " + first.tenant() + "'s");
            }
            if (!byId.containsKey(o.pipeline())) {
                throw new ValidationException(
                        "closed[" + i + "].pipeline", "pipeline " + o.pipeline() + " was not given");
            }
            if (o.status() == OpportunityStatus.WON) {
                won++;
            } else {
                lost++;
            }
        }
        if (list.size() < minimumClosed || won == 0 || lost == 0) {
            return Optional.empty();
        }
        List<FactorCount> counts = new ArrayList<>();
        counts.addAll(stageCounts(list, byId));
        counts.addAll(categorical(WinFactor.SOURCE, list, WinPredictor::sourceKey, won, lost));
        List<AmountBands> bands = amountBands(list);
        Map<Currency, AmountBands> bandsOf = new HashMap<>();
        bands.forEach(b -> bandsOf.put(b.currency(), b));
        counts.addAll(categorical(
                WinFactor.AMOUNT,
                list,
                o -> {
                    AmountBands b = bandsOf.get(o.amount().currency());
                    return b.key(b.band(o.amount().amount()));
                },
                won,
                lost));
        counts.addAll(categorical(WinFactor.OWNER, list, o -> o.owner().value(), won, lost));
        for (int lower : AGE_BANDS) {
            int w = 0;
            int l = 0;
            for (Opportunity o : list) {
                if (days(o.audit().createdAt(), o.closedAt().orElseThrow()) >= lower) {
                    if (o.status() == OpportunityStatus.WON) {
                        w++;
                    } else {
                        l++;
                    }
                }
            }
            counts.add(new FactorCount(WinFactor.AGE, Integer.toString(lower), w, l, won, lost, 2));
        }
        return Optional.of(new WinModel(first.tenant(), won, lost, bands, counts));
    }

    private static List<FactorCount> stageCounts(List<Opportunity> list, Map<PipelineId, Pipeline> pipelines) {
        Map<PipelineId, List<Opportunity>> byPipeline = new LinkedHashMap<>();
        for (Opportunity o : list) {
            byPipeline.computeIfAbsent(o.pipeline(), k -> new ArrayList<>()).add(o);
        }
        List<FactorCount> counts = new ArrayList<>();
        for (Map.Entry<PipelineId, List<Opportunity>> entry : byPipeline.entrySet()) {
            Pipeline pipeline = pipelines.get(entry.getKey());
            List<Stage> stages = pipeline.stages();
            int[] wonReached = new int[stages.size()];
            int[] lostReached = new int[stages.size()];
            int won = 0;
            int lost = 0;
            for (Opportunity o : entry.getValue()) {
                int furthest = furthestStage(o, pipeline, "closed.history");
                boolean isWon = o.status() == OpportunityStatus.WON;
                for (int s = 0; s <= furthest; s++) {
                    if (isWon) {
                        wonReached[s]++;
                    } else {
                        lostReached[s]++;
                    }
                }
                if (isWon) {
                    won++;
                } else {
                    lost++;
                }
            }
            for (int s = 0; s < stages.size(); s++) {
                counts.add(new FactorCount(
                        WinFactor.STAGE, stages.get(s).id().toString(), wonReached[s], lostReached[s], won, lost, 2));
            }
        }
        return counts;
    }

    private static List<FactorCount> categorical(
            WinFactor factor,
            List<Opportunity> list,
            java.util.function.Function<Opportunity, String> key,
            int won,
            int lost) {
        Map<String, int[]> byValue = new LinkedHashMap<>();
        for (Opportunity o : list) {
            int[] c = byValue.computeIfAbsent(key.apply(o), k -> new int[2]);
            c[o.status() == OpportunityStatus.WON ? 0 : 1]++;
        }
        List<FactorCount> counts = new ArrayList<>(byValue.size());
        byValue.forEach(
                (value, c) -> counts.add(new FactorCount(factor, value, c[0], c[1], won, lost, byValue.size())));
        return counts;
    }

    /** Quartile bounds per currency (nearest rank), duplicates dropped. */
    private static List<AmountBands> amountBands(List<Opportunity> list) {
        Map<Currency, List<BigDecimal>> amounts = new LinkedHashMap<>();
        for (Opportunity o : list) {
            amounts.computeIfAbsent(o.amount().currency(), k -> new ArrayList<>())
                    .add(o.amount().amount());
        }
        List<AmountBands> bands = new ArrayList<>();
        amounts.forEach((currency, values) -> {
            List<BigDecimal> sorted = values.stream().sorted().toList();
            int count = Math.min(4, sorted.size());
            TreeSet<BigDecimal> bounds = new TreeSet<>();
            for (int q = 1; q < count; q++) {
                int rank = (int) Math.ceil((double) q * sorted.size() / count); // 1-based nearest rank
                bounds.add(sorted.get(rank - 1));
            }
            bands.add(new AmountBands(currency, List.copyOf(bounds)));
        });
        return bands;
    }

    /** The position in {@code pipeline} of the furthest stage {@code o} entered. */
    static int furthestStage(Opportunity o, Pipeline pipeline, String field) {
        List<Stage> stages = pipeline.stages();
        int furthest = -1;
        for (StageChange change : o.history()) {
            for (int s = furthest + 1; s < stages.size(); s++) {
                if (stages.get(s).id().equals(change.stage())) {
                    furthest = s;
                    break;
                }
            }
        }
        if (furthest < 0) {
            throw new ValidationException(
                    field, "opportunity " + o.id() + " entered no stage of pipeline " + pipeline.id());
        }
        return furthest;
    }

    static String sourceKey(Opportunity o) {
        if (o.sourceCampaign().isPresent()) {
            return "campaign:" + o.sourceCampaign().get();
        }
        return o.sourceChannel().map(c -> "channel:" + c.name()).orElse("none");
    }

    static String sourceLabel(String key) {
        if (key.startsWith("channel:")) {
            return key.substring("channel:".length());
        }
        return key.startsWith("campaign:") ? "campaign " + key.substring("campaign:".length()) : "none";
    }

    static long days(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toDays());
    }

    static int ageBand(long days) {
        int band = 0;
        for (int lower : AGE_BANDS) {
            if (days >= lower) {
                band = lower;
            }
        }
        return band;
    }
}
