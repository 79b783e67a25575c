package org.crmkit.core.sales;

import java.util.ArrayList;
import java.util.List;

/**
 * What a new pipeline holds; {@link SalesService#createPipeline} validates it. A mutable builder, not
 * thread-safe:
 *
 * <pre>{@code
 * sales.createPipeline(PipelineDraft.named("Wholesale")
 *         .stage("Qualify", 10).stage("Proposal", 40, ForecastCategory.BEST_CASE).stage("Negotiation", 70, ForecastCategory.COMMIT)
 *         .lostReasons("price", "competitor", "no budget"));
 * }</pre>
 */
public final class PipelineDraft {
    final String name;
    final List<String> stageNames = new ArrayList<>();
    final List<Integer> probabilities = new ArrayList<>();
    final List<ForecastCategory> categories = new ArrayList<>();
    List<String> wonReasons = List.of();
    List<String> lostReasons = List.of();

    private PipelineDraft(String name) {
        this.name = name;
    }

    /** A pipeline called {@code name}. */
    public static PipelineDraft named(String name) {
        return new PipelineDraft(name);
    }

    /** Appends a stage whose opportunities count as pipeline in the forecast. */
    public PipelineDraft stage(String name, int probability) {
        return stage(name, probability, ForecastCategory.PIPELINE);
    }

    /** Appends a stage. */
    public PipelineDraft stage(String name, int probability, ForecastCategory category) {
        stageNames.add(name);
        probabilities.add(probability);
        categories.add(category);
        return this;
    }

    /** The reasons an opportunity may be won for; any when none are given. */
    public PipelineDraft wonReasons(String... reasons) {
        this.wonReasons = java.util.Arrays.asList(reasons);
        return this;
    }

    /** The reasons an opportunity may be lost for; any when none are given. */
    public PipelineDraft lostReasons(String... reasons) {
        this.lostReasons = java.util.Arrays.asList(reasons);
        return this;
    }
}
