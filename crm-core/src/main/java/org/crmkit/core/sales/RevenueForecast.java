package org.crmkit.core.sales;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.ValidationException;

/**
 * A revenue forecast for the next periods of a {@link RevenueSeries}, by exponential smoothing:
 * Holt-Winters (additive trend, optionally damped, with additive or multiplicative seasonality),
 * Holt's linear method, or simple exponential smoothing. Immutable and thread-safe.
 *
 * <p>{@link #fit(RevenueSeries)} fits every method the series can carry and keeps the one with the
 * lowest AICc: the seasonal ones when the series has a season and at least two full seasons
 * (multiplicative only when every total is positive), the trend ones from 4 periods, simple
 * smoothing from 3. The smoothing parameters minimise the one-step-ahead sum of squared errors
 * (a grid, then Nelder–Mead from the three best points, over logistic-mapped parameters so each
 * stays in (0, 1); phi in (0.8, 0.98) as in Hyndman and Athanasopoulos, "Forecasting: Principles
 * and Practice"). AICc counts the smoothing parameters, the initial states and the variance, as R's
 * {@code forecast::ets} does. Ties (such as a series every method fits exactly) go to the method
 * with fewer parameters.
 *
 * <p>The recursions are those of R's {@code HoltWinters}: the seasonal index follows {@code y −
 * level} (or {@code y / level}), so gamma ranges over all of (0, 1). Prediction intervals use the
 * ETS variance of a linear innovations model, σ²(1 + Σ<sub>j&lt;h</sub> c<sub>j</sub>²) with
 * c<sub>j</sub> = α(1 + βφ<sub>j</sub>) + γ(1 − α)·[j a multiple of m] and φ<sub>j</sub> = φ + … +
 * φ<sup>j</sup>, σ² the mean squared one-step error; for multiplicative seasonality the same in
 * relative errors scaled by the point forecast (the first-order approximation of Hyndman et al.
 * 2008, ch. 6), so there the interval widens with the horizon relative to the forecast.
 *
 * <pre>{@code
 * RevenueForecast forecast = RevenueForecast.fit(RevenueSeries.monthly(eur, firstMonth, totals));
 * List<ForecastPoint> next = forecast.forecast(6, 80);   // six months, 80% intervals, in EUR
 * BackTest test = forecast.backTest(12);                 // rolling one-step MAPE over the last year
 * }</pre>
 */
public final class RevenueForecast {
    /** The longest horizon {@link #forecast} accepts. */
    public static final int MAX_HORIZON = 1_000;

    private final RevenueSeries series;
    private final ForecastMethod method;
    private final ForecastInitialisation initialisation;
    private final double scale;
    private final double[] y;
    private final ExponentialSmoothing.Run run;
    private final double aicc;
    private final List<ModelScore> compared;

    private RevenueForecast(
            RevenueSeries series,
            ForecastMethod method,
            ForecastInitialisation initialisation,
            double scale,
            double[] y,
            ExponentialSmoothing.Run run,
            List<ModelScore> compared) {
        this.series = series;
        this.method = method;
        this.initialisation = initialisation;
        this.scale = scale;
        this.y = y;
        this.run = run;
        this.aicc = aicc(run, method, series.seasonLength());
        this.compared = List.copyOf(compared);
    }

    /**
     * Fits every method {@code series} can carry, with the heuristic initialisation, and keeps the
     * one with the lowest AICc.
     *
     * @throws ValidationException naming {@code series} when it is missing, {@code series.totals}
     *     when it holds fewer than 3 periods
     */
    public static RevenueForecast fit(RevenueSeries series) {
        double[] values = checked(series);
        double scale = scaleOf(values);
        double[] y = scaled(values, scale);
        int m = series.seasonLength();
        ForecastMethod best = null;
        ExponentialSmoothing.Run bestRun = null;
        double bestAicc = Double.POSITIVE_INFINITY;
        List<ModelScore> scores = new ArrayList<>();
        for (ForecastMethod candidate : ForecastMethod.values()) {
            if (!carries(series, values, candidate, ForecastInitialisation.HEURISTIC)) {
                continue;
            }
            ExponentialSmoothing.Run run =
                    ExponentialSmoothing.fit(y, y.length, candidate, ForecastInitialisation.HEURISTIC, m);
            double score = aicc(run, candidate, m);
            scores.add(new ModelScore(candidate, run.sse() * scale * scale, score));
            if (best == null || score < bestAicc) {
                best = candidate;
                bestRun = run;
                bestAicc = score;
            }
        }
        return new RevenueForecast(series, best, ForecastInitialisation.HEURISTIC, scale, y, bestRun, scores);
    }

    /**
     * Fits {@code method} to {@code series} with the heuristic initialisation.
     *
     * @throws ValidationException naming {@code method} when the series cannot carry it (too short,
     *     no season, or a total not positive for a multiplicative season)
     */
    public static RevenueForecast fit(RevenueSeries series, ForecastMethod method) {
        return fit(series, method, ForecastInitialisation.HEURISTIC);
    }

    /**
     * Fits {@code method} to {@code series}, starting as {@code initialisation} says.
     *
     * @throws ValidationException naming {@code method} when the series cannot carry it, or the field
     *     of a missing argument
     */
    public static RevenueForecast fit(
            RevenueSeries series, ForecastMethod method, ForecastInitialisation initialisation) {
        double[] values = checked(series);
        ValidationException.requireNonNull(method, "method");
        ValidationException.requireNonNull(initialisation, "initialisation");
        requireCarries(series, values, method, initialisation);
        double scale = scaleOf(values);
        double[] y = scaled(values, scale);
        ExponentialSmoothing.Run run =
                ExponentialSmoothing.fit(y, y.length, method, initialisation, series.seasonLength());
        return new RevenueForecast(
                series,
                method,
                initialisation,
                scale,
                y,
                run,
                List.of(new ModelScore(method, run.sse() * scale * scale, aicc(run, method, series.seasonLength()))));
    }

    /** The series it was fitted to. */
    public RevenueSeries series() {
        return series;
    }

    /** The method chosen (or given). */
    public ForecastMethod method() {
        return method;
    }

    /** How the states were initialised. */
    public ForecastInitialisation initialisation() {
        return initialisation;
    }

    /** The fitted smoothing parameters. */
    public SmoothingParameters parameters() {
        double[] p = run.parameters();
        int i = 1;
        double beta = method.hasTrend() ? p[i++] : 0;
        double gamma = method.hasSeason() ? p[i++] : 0;
        double phi = method.damped() ? p[i] : 1;
        return new SmoothingParameters(p[0], beta, gamma, phi);
    }

    /** The one-step-ahead sum of squared errors of the fit, in the series' units squared. */
    public double sse() {
        return run.sse() * scale * scale;
    }

    /** The fit's corrected Akaike information criterion; positive infinity when the series is too short for it. */
    public double aicc() {
        return aicc;
    }

    /** The candidates compared, in the order of {@link ForecastMethod}; only the one fitted when the method was given. */
    public List<ModelScore> compared() {
        return compared;
    }

    /**
     * The forecast of the next {@code horizon} periods, each with a prediction interval covering
     * {@code levelPercent} percent, as money in the series' currency.
     *
     * @throws ValidationException naming {@code horizon} unless it is from 1 to {@link #MAX_HORIZON},
     *     or {@code level} unless it is a percentage from 50 to 99
     */
    public List<ForecastPoint> forecast(int horizon, int levelPercent) {
        if (horizon < 1 || horizon > MAX_HORIZON) {
            throw new ValidationException("horizon", "must be from 1 to " + MAX_HORIZON + " periods, was " + horizon);
        }
        if (levelPercent < 50 || levelPercent > 99) {
            throw new ValidationException("level", "must be a percentage from 50 to 99, was " + levelPercent);
        }
        double z = normalQuantile(0.5 + levelPercent / 200.0);
        SmoothingParameters p = parameters();
        int m = series.seasonLength();
        int n = y.length;
        double sigma2 =
                run.smoothed() == 0 ? 0 : (method.multiplicative() ? run.relativeSse() : run.sse()) / run.smoothed();
        List<ForecastPoint> points = new ArrayList<>(horizon);
        double damping = 0; // φ + … + φ^h
        double power = 1;
        double sumC2 = 0; // Σ_{j<h} c_j²
        for (int h = 1; h <= horizon; h++) {
            power *= p.phi();
            damping += power;
            double base = run.level() + damping * run.trend();
            double point;
            if (method.hasSeason()) {
                double s = run.season()[(n + h - 1) % m];
                point = method.multiplicative() ? base * s : base + s;
            } else {
                point = base;
            }
            double variance = sigma2 * (1 + sumC2);
            double half = z * Math.sqrt(method.multiplicative() ? point * point * variance : variance);
            points.add(new ForecastPoint(
                    h,
                    series.periodStart(n + h - 1),
                    money(point),
                    money(point - half),
                    money(point + half),
                    levelPercent));
            double c = p.alpha() * (1 + p.beta() * damping)
                    + (m > 1 && method.hasSeason() && h % m == 0 ? p.gamma() * (1 - p.alpha()) : 0);
            sumC2 += c * c;
        }
        return points;
    }

    /**
     * The rolling-origin back-test over the last {@code periods} periods: for each of them, this
     * method refitted (same method and initialisation, parameters fitted again) on the periods before
     * it forecasts it one step ahead; the error is |actual − forecast| / |actual|. Periods whose
     * actual total is zero are skipped and counted.
     *
     * @throws ValidationException naming {@code periods} unless it is at least 1 and leaves the
     *     refitted series the periods the method needs
     */
    public BackTest backTest(int periods) {
        int n = y.length;
        int minimum = ExponentialSmoothing.minimumLength(method, series.seasonLength());
        int most = n - minimum;
        if (periods < 1 || periods > most) {
            throw new ValidationException(
                    "periods",
                    most < 1
                            ? "the series is too short to back-test " + method + " (it needs " + (minimum + 1)
                                    + " periods)"
                            : "must be from 1 to " + most + ", was " + periods);
        }
        int m = series.seasonLength();
        double sum = 0;
        int scored = 0;
        int skipped = 0;
        for (int origin = n - periods; origin < n; origin++) {
            if (y[origin] == 0) {
                skipped++;
                continue;
            }
            ExponentialSmoothing.Run prefix = ExponentialSmoothing.fit(y, origin, method, initialisation, m);
            double forecast = oneStep(prefix, origin, m);
            sum += Math.abs(y[origin] - forecast) / Math.abs(y[origin]);
            scored++;
        }
        return new BackTest(periods, scored, skipped, scored == 0 ? Double.NaN : 100 * sum / scored);
    }

    private double oneStep(ExponentialSmoothing.Run prefix, int length, int m) {
        double[] p = prefix.parameters();
        double phi = method.damped() ? p[p.length - 1] : 1;
        double base = prefix.level() + phi * prefix.trend();
        if (!method.hasSeason()) {
            return base;
        }
        double s = prefix.season()[length % m];
        return method.multiplicative() ? base * s : base + s;
    }

    private Money money(double scaledValue) {
        return Money.of(BigDecimal.valueOf(scaledValue * scale), series.currency());
    }

    private static double[] checked(RevenueSeries series) {
        ValidationException.requireNonNull(series, "series");
        if (series.size() < 3) {
            throw new ValidationException(
                    "series.totals", "must hold at least 3 periods to forecast, held " + series.size());
        }
        return series.values();
    }

    private static boolean carries(
            RevenueSeries series, double[] values, ForecastMethod method, ForecastInitialisation init) {
        try {
            requireCarries(series, values, method, init);
            return true;
        } catch (ValidationException e) {
            return false;
        }
    }

    private static void requireCarries(
            RevenueSeries series, double[] values, ForecastMethod method, ForecastInitialisation init) {
        int m = series.seasonLength();
        if (method.hasSeason() && !series.seasonal()) {
            throw new ValidationException("method", method + " needs a series with a season");
        }
        int minimum = ExponentialSmoothing.minimumLength(method, m);
        if (values.length < minimum) {
            throw new ValidationException(
                    "method", method + " needs at least " + minimum + " periods, the series has " + values.length);
        }
        if (method.multiplicative()) {
            for (double v : values) {
                if (!(v > 0)) {
                    throw new ValidationException("method", method + " needs every total to be positive");
                }
            }
        }
    }

    private static double scaleOf(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += Math.abs(v);
        }
        return sum == 0 ? 1 : sum / values.length;
    }

    private static double[] scaled(double[] values, double scale) {
        double[] y = new double[values.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = values[i] / scale;
        }
        return y;
    }

    private static double aicc(ExponentialSmoothing.Run run, ForecastMethod method, int m) {
        int n = run.smoothed();
        int k = method.parameterCount() + (method.hasTrend() ? 2 : 1) + (method.hasSeason() ? m - 1 : 0) + 1;
        if (n - k - 1 <= 0 || !Double.isFinite(run.sse())) {
            return Double.POSITIVE_INFINITY;
        }
        // a floor far below any real error, so that methods fitting a series exactly tie and the simpler one wins
        double sse = Math.max(run.sse(), 1e-14 * n);
        return n * Math.log(sse / n) + 2.0 * k + 2.0 * k * (k + 1) / (n - k - 1);
    }

    /** The standard normal quantile (Acklam's rational approximation, relative error below 1.2e-9). */
    static double normalQuantile(double p) {
        double[] a = {
            -3.969683028665376e+01,
            2.209460984245205e+02,
            -2.759285104469687e+02,
            1.383577518672690e+02,
            -3.066479806614716e+01,
            2.506628277459239e+00
        };
        double[] b = {
            -5.447609879822406e+01,
            1.615858368580409e+02,
            -1.556989798598866e+02,
            6.680131188771972e+01,
            -1.328068155288572e+01
        };
        double[] c = {
            -7.784894002430293e-03,
            -3.223964580411365e-01,
            -2.400758277161838e+00,
            -2.549732539343734e+00,
            4.374664141464968e+00,
            2.938163982698783e+00
        };
        double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
        double low = 0.02425;
        if (p < low) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        if (p > 1 - low) {
            double q = Math.sqrt(-2 * Math.log(1 - p));
            return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5])
                * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }

    @Override
    public String toString() {
        return "RevenueForecast[" + method + " " + parameters() + ", " + y.length + " periods]";
    }
}
