package org.crmkit.core.sales;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * A small Nelder–Mead simplex minimiser over an unconstrained space (callers map bounded parameters
 * with a logistic function). Standard coefficients: reflection 1, expansion 2, contraction ½, shrink ½.
 */
final class NelderMead {
    private NelderMead() {}

    /** The point that minimises {@code f}, searched from {@code start} with an initial step of {@code step}. */
    static double[] minimise(ToDoubleFunction<double[]> f, double[] start, double step, int maxEvaluations) {
        int n = start.length;
        double[][] simplex = new double[n + 1][];
        double[] values = new double[n + 1];
        simplex[0] = start.clone();
        for (int i = 0; i < n; i++) {
            double[] p = start.clone();
            p[i] += step;
            simplex[i + 1] = p;
        }
        int evaluations = 0;
        for (int i = 0; i <= n; i++) {
            values[i] = f.applyAsDouble(simplex[i]);
            evaluations++;
        }
        Integer[] order = new Integer[n + 1];
        while (evaluations < maxEvaluations) {
            for (int i = 0; i <= n; i++) {
                order[i] = i;
            }
            double[] v = values;
            Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
            double[][] sortedPoints = new double[n + 1][];
            double[] sortedValues = new double[n + 1];
            for (int i = 0; i <= n; i++) {
                sortedPoints[i] = simplex[order[i]];
                sortedValues[i] = values[order[i]];
            }
            simplex = sortedPoints;
            values = sortedValues;
            double best = values[0];
            double worst = values[n];
            if (Math.abs(worst - best) <= 1e-12 * (Math.abs(best) + 1e-30) && spread(simplex) < 1e-9) {
                break;
            }
            if (spread(simplex) < 1e-10) {
                break;
            }
            double[] centroid = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    centroid[j] += simplex[i][j] / n;
                }
            }
            double[] reflected = along(centroid, simplex[n], -1.0);
            double fr = f.applyAsDouble(reflected);
            evaluations++;
            if (fr < values[0]) {
                double[] expanded = along(centroid, simplex[n], -2.0);
                double fe = f.applyAsDouble(expanded);
                evaluations++;
                if (fe < fr) {
                    simplex[n] = expanded;
                    values[n] = fe;
                } else {
                    simplex[n] = reflected;
                    values[n] = fr;
                }
            } else if (fr < values[n - 1]) {
                simplex[n] = reflected;
                values[n] = fr;
            } else {
                boolean outside = fr < values[n];
                double[] contracted = along(centroid, simplex[n], outside ? -0.5 : 0.5);
                double fc = f.applyAsDouble(contracted);
                evaluations++;
                if (fc < Math.min(fr, values[n])) {
                    simplex[n] = contracted;
                    values[n] = fc;
                } else {
                    for (int i = 1; i <= n; i++) {
                        for (int j = 0; j < n; j++) {
                            simplex[i][j] = simplex[0][j] + 0.5 * (simplex[i][j] - simplex[0][j]);
                        }
                        values[i] = f.applyAsDouble(simplex[i]);
                        evaluations++;
                    }
                }
            }
        }
        int bestIndex = 0;
        for (int i = 1; i <= n; i++) {
            if (values[i] < values[bestIndex]) {
                bestIndex = i;
            }
        }
        return simplex[bestIndex];
    }

    /** centroid + t·(point − centroid): t = −1 reflects, −2 expands, ±½ contracts. */
    private static double[] along(double[] centroid, double[] point, double t) {
        double[] p = new double[centroid.length];
        for (int j = 0; j < p.length; j++) {
            p[j] = centroid[j] + t * (point[j] - centroid[j]);
        }
        return p;
    }

    private static double spread(double[][] simplex) {
        double max = 0;
        for (int i = 1; i < simplex.length; i++) {
            for (int j = 0; j < simplex[0].length; j++) {
                max = Math.max(max, Math.abs(simplex[i][j] - simplex[0][j]));
            }
        }
        return max;
    }
}
