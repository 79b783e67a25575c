package org.crmkit.core.sales;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The arithmetic behind {@link RevenueForecast}: initial states, the smoothing recursions (in the
 * recurrence form of R's {@code HoltWinters}, seasonal update on {@code y − level}),
 * and the least-squares fit of the parameters. Works on a series already divided by its scale.
 */
final class ExponentialSmoothing {
    private static final double PHI_LOW = 0.8;
    private static final double PHI_HIGH = 0.98;

    private ExponentialSmoothing() {}

    /** The states the recursions start from, and the first period they smooth. */
    record Start(double level, double trend, double[] season, int firstSmoothed) {}

    /** The outcome of smoothing a series with fixed parameters. */
    record Run(
            double sse,
            double relativeSse,
            int smoothed,
            double level,
            double trend,
            double[] season,
            int length,
            double[] parameters) {}

    /** The fewest periods {@code method} needs for a season of {@code m}. */
    static int minimumLength(ForecastMethod method, int m) {
        if (method.hasSeason()) {
            return 2 * m;
        }
        return method.hasTrend() ? 4 : 3;
    }

    static Start start(double[] y, int n, ForecastMethod method, ForecastInitialisation init, int m) {
        boolean multiplicative = method.multiplicative();
        if (init == ForecastInitialisation.CLASSICAL_DECOMPOSITION) {
            if (!method.hasSeason()) {
                return method.hasTrend()
                        ? new Start(y[1], y[1] - y[0], new double[0], 2)
                        : new Start(y[0], 0, new double[0], 1);
            }
            int window = 2 * m;
            double[] trend = movingAverage(y, window, m);
            double[] figure = seasonalFigure(y, trend, window, m, multiplicative);
            double[] dat = present(trend);
            double[] line = line(dat, dat.length);
            return new Start(line[0], line[1], figure, m);
        }
        double[] season;
        double[] adjusted = new double[n];
        if (method.hasSeason()) {
            int window = Math.min(n / m, 3) * m;
            double[] trend = movingAverage(y, window, m);
            season = seasonalFigure(y, trend, window, m, multiplicative);
            for (int t = 0; t < n; t++) {
                adjusted[t] = multiplicative ? y[t] / season[t % m] : y[t] - season[t % m];
            }
        } else {
            season = new double[0];
            System.arraycopy(y, 0, adjusted, 0, n);
        }
        int first = Math.min(n, method.hasSeason() ? Math.max(10, 2 * m) : 10);
        if (!method.hasTrend()) {
            double sum = 0;
            for (int t = 0; t < first; t++) {
                sum += adjusted[t];
            }
            return new Start(sum / first, 0, season, 0);
        }
        double[] line = line(adjusted, first);
        return new Start(line[0], line[1], season, 0);
    }

    /** Smooths the first {@code n} totals of {@code y} with natural parameters {@code p}. */
    static Run run(double[] y, int n, ForecastMethod method, ForecastInitialisation init, int m, double[] p) {
        Start start = start(y, n, method, init, m);
        double alpha = p[0];
        double beta = method.hasTrend() ? p[1] : 0;
        double gamma = method.hasSeason() ? p[2] : 0;
        double phi = method.damped() ? p[p.length - 1] : 1;
        boolean multiplicative = method.multiplicative();
        double level = start.level();
        double trend = method.hasTrend() ? start.trend() : 0;
        double[] season = start.season().clone();
        double sse = 0;
        double relative = 0;
        for (int t = start.firstSmoothed(); t < n; t++) {
            double s = method.hasSeason() ? season[t % m] : (multiplicative ? 1 : 0);
            double base = level + phi * trend;
            double forecast = multiplicative ? base * s : base + s;
            double error = y[t] - forecast;
            sse += error * error;
            if (forecast != 0) {
                relative += (error / forecast) * (error / forecast);
            }
            double next =
                    multiplicative ? alpha * (y[t] / s) + (1 - alpha) * base : alpha * (y[t] - s) + (1 - alpha) * base;
            if (multiplicative && !(next > 0)) {
                return failed(n, p);
            }
            trend = beta * (next - level) + (1 - beta) * phi * trend;
            level = next;
            if (method.hasSeason()) {
                season[t % m] = multiplicative
                        ? gamma * (y[t] / level) + (1 - gamma) * s
                        : gamma * (y[t] - level) + (1 - gamma) * s;
            }
        }
        if (!Double.isFinite(sse)) {
            return failed(n, p);
        }
        return new Run(sse, relative, n - start.firstSmoothed(), level, trend, season, n, p.clone());
    }

    private static Run failed(int n, double[] p) {
        return new Run(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 0, 0, 0, new double[0], n, p.clone());
    }

    /** The least-squares fit of {@code method}'s parameters to the first {@code n} totals. */
    static Run fit(double[] y, int n, ForecastMethod method, ForecastInitialisation init, int m) {
        int k = method.parameterCount();
        List<double[]> grid = new ArrayList<>();
        double[] alphas = {0.1, 0.3, 0.5, 0.7, 0.9};
        double[] betas = method.hasTrend() ? new double[] {0.01, 0.1, 0.3} : new double[] {0};
        double[] gammas = method.hasSeason() ? new double[] {0.1, 0.3, 0.5, 0.7, 0.9} : new double[] {0};
        double[] phis = method.damped() ? new double[] {0.85, 0.95} : new double[] {1};
        for (double a : alphas) {
            for (double b : betas) {
                for (double g : gammas) {
                    for (double ph : phis) {
                        grid.add(natural(method, a, b, g, ph));
                    }
                }
            }
        }
        grid.add(natural(method, 0.3, 0.1, 0.1, 0.9)); // where R's HoltWinters starts
        List<Run> tried = new ArrayList<>();
        for (double[] p : grid) {
            tried.add(run(y, n, method, init, m, p));
        }
        tried.sort(Comparator.comparingDouble(Run::sse));
        Run best = null;
        for (int i = 0; i < Math.min(3, tried.size()); i++) {
            Run polished = polish(y, n, method, init, m, tried.get(i).parameters(), k);
            polished = polish(y, n, method, init, m, polished.parameters(), k); // a restart escapes a collapsed simplex
            if (best == null || polished.sse() < best.sse()) {
                best = polished;
            }
        }
        return best;
    }

    private static Run polish(
            double[] y, int n, ForecastMethod method, ForecastInitialisation init, int m, double[] p, int k) {
        double[] u = toFree(method, p);
        double[] found = NelderMead.minimise(
                free -> run(y, n, method, init, m, toNatural(method, free)).sse(), u, 0.5, 400 * k);
        return run(y, n, method, init, m, toNatural(method, found));
    }

    private static double[] natural(ForecastMethod method, double a, double b, double g, double ph) {
        double[] p = new double[method.parameterCount()];
        int i = 0;
        p[i++] = a;
        if (method.hasTrend()) {
            p[i++] = b;
        }
        if (method.hasSeason()) {
            p[i++] = g;
        }
        if (method.damped()) {
            p[i] = ph;
        }
        return p;
    }

    private static double[] toFree(ForecastMethod method, double[] p) {
        double[] u = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            boolean isPhi = method.damped() && i == p.length - 1;
            double x = isPhi ? (p[i] - PHI_LOW) / (PHI_HIGH - PHI_LOW) : p[i];
            u[i] = Math.log(x / (1 - x));
        }
        return u;
    }

    private static double[] toNatural(ForecastMethod method, double[] u) {
        double[] p = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            double x = 1 / (1 + Math.exp(-u[i]));
            // keep the open interval even where the logistic rounds to 0 or 1
            x = Math.min(Math.max(x, 1e-9), 1 - 1e-9);
            boolean isPhi = method.damped() && i == u.length - 1;
            p[i] = isPhi ? PHI_LOW + (PHI_HIGH - PHI_LOW) * x : x;
        }
        return p;
    }

    /** The centred moving average of order m (2×m for even m) over the first {@code window} totals; NaN where undefined. */
    private static double[] movingAverage(double[] y, int window, int m) {
        double[] trend = new double[window];
        java.util.Arrays.fill(trend, Double.NaN);
        int half = m / 2;
        for (int t = half; t + half < window; t++) {
            double sum = 0;
            if (m % 2 == 0) {
                sum += 0.5 * y[t - half] + 0.5 * y[t + half];
                for (int j = t - half + 1; j < t + half; j++) {
                    sum += y[j];
                }
            } else {
                for (int j = t - half; j <= t + half; j++) {
                    sum += y[j];
                }
            }
            trend[t] = sum / m;
        }
        return trend;
    }

    /** The seasonal figure of a classical decomposition: mean detrended value per position, normalised. */
    private static double[] seasonalFigure(double[] y, double[] trend, int window, int m, boolean multiplicative) {
        double[] sum = new double[m];
        int[] count = new int[m];
        for (int t = 0; t < window; t++) {
            if (!Double.isNaN(trend[t])) {
                sum[t % m] += multiplicative ? y[t] / trend[t] : y[t] - trend[t];
                count[t % m]++;
            }
        }
        double[] figure = new double[m];
        double mean = 0;
        for (int i = 0; i < m; i++) {
            figure[i] = sum[i] / count[i];
            mean += figure[i] / m;
        }
        for (int i = 0; i < m; i++) {
            figure[i] = multiplicative ? figure[i] / mean : figure[i] - mean;
        }
        return figure;
    }

    private static double[] present(double[] values) {
        return java.util.Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
    }

    /** Intercept (at t = 0) and slope of the least-squares line through values[0..count) at t = 1..count. */
    private static double[] line(double[] values, int count) {
        if (count < 2) {
            return new double[] {values[0], 0};
        }
        double meanT = (count + 1) / 2.0;
        double meanY = 0;
        for (int t = 0; t < count; t++) {
            meanY += values[t] / count;
        }
        double sxy = 0;
        double sxx = 0;
        for (int t = 0; t < count; t++) {
            double dt = (t + 1) - meanT;
            sxy += dt * (values[t] - meanY);
            sxx += dt * dt;
        }
        double slope = sxy / sxx;
        return new double[] {meanY - slope * meanT, slope};
    }
}
