package vn.situationroom.detection;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * A quasi-Poisson regression with the log link, fitted as R's {@code glm.fit} fits it: iteratively reweighted least
 * squares from {@code mu = y + 0.1}, at most 25 iterations, converged when the deviance changes by less than
 * {@code 1e-8} relative; the working weights, the unscaled covariance and the dispersion are those of the last
 * iteration, as {@code summary.glm} and {@code hatvalues} read them.
 */
final class QuasiPoissonGlm {

    private static final int MAX_ITERATIONS = 25;
    private static final double EPSILON = 1e-8;

    final double[] coefficients;
    final double[] mu;
    /** The working weights of the last iteration (prior weight times the previous iteration's mu). */
    final double[] workingWeights;
    /** (X'WX)⁻¹ with the last iteration's working weights. */
    final RealMatrix covarianceUnscaled;

    final double[][] x;
    final double[] y;
    final boolean converged;

    private QuasiPoissonGlm(
            double[][] x,
            double[] y,
            double[] coefficients,
            double[] mu,
            double[] workingWeights,
            RealMatrix covarianceUnscaled,
            boolean converged) {
        this.x = x;
        this.y = y;
        this.coefficients = coefficients;
        this.mu = mu;
        this.workingWeights = workingWeights;
        this.covarianceUnscaled = covarianceUnscaled;
        this.converged = converged;
    }

    /**
     * Fits the model.
     *
     * @param x the design matrix, one row per observation
     * @param y the counts
     * @param priorWeights the prior weights, all positive
     * @return the fit, or {@code null} when the design is singular
     */
    static QuasiPoissonGlm fit(double[][] x, double[] y, double[] priorWeights) {
        int n = y.length;
        int p = x[0].length;
        double[] mu = new double[n];
        double[] eta = new double[n];
        for (int i = 0; i < n; i++) {
            mu[i] = y[i] + 0.1;
            eta[i] = Math.log(mu[i]);
        }
        double devianceBefore = deviance(y, mu, priorWeights);
        double[] beta = new double[p];
        double[] w = new double[n];
        RealMatrix inverse = null;
        boolean converged = false;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            // Working response z = eta + (y − mu)/mu and weights w = prior·mu (log link, variance mu).
            double[][] xtwx = new double[p][p];
            double[] xtwz = new double[p];
            for (int i = 0; i < n; i++) {
                w[i] = priorWeights[i] * mu[i];
                double z = eta[i] + (y[i] - mu[i]) / mu[i];
                for (int a = 0; a < p; a++) {
                    xtwz[a] += w[i] * x[i][a] * z;
                    for (int b = 0; b <= a; b++) {
                        xtwx[a][b] += w[i] * x[i][a] * x[i][b];
                    }
                }
            }
            for (int a = 0; a < p; a++) {
                for (int b = a + 1; b < p; b++) {
                    xtwx[a][b] = xtwx[b][a];
                }
            }
            try {
                var cholesky = new CholeskyDecomposition(new Array2DRowRealMatrix(xtwx, false), 1e-11, 1e-14);
                beta = cholesky.getSolver()
                        .solve(new ArrayRealVector(xtwz, false))
                        .toArray();
                inverse = cholesky.getSolver().getInverse();
            } catch (NonPositiveDefiniteMatrixException
                    | org.apache.commons.math3.linear.NonSymmetricMatrixException e) {
                return null;
            }
            for (int i = 0; i < n; i++) {
                double linear = 0;
                for (int a = 0; a < p; a++) {
                    linear += x[i][a] * beta[a];
                }
                eta[i] = linear;
                mu[i] = Math.exp(linear);
            }
            double deviance = deviance(y, mu, priorWeights);
            if (Math.abs(deviance - devianceBefore) / (Math.abs(deviance) + 0.1) < EPSILON) {
                converged = true;
                break;
            }
            devianceBefore = deviance;
        }
        return new QuasiPoissonGlm(x, y, beta, mu, w, inverse, converged);
    }

    /** The residual degrees of freedom. */
    int dfResidual() {
        return y.length - coefficients.length;
    }

    /** The estimated dispersion, as {@code summary.glm}: the working weights times squared working residuals. */
    double dispersion() {
        return dispersion(workingWeights);
    }

    /** The same sum with other weights in place of the working weights. */
    double dispersion(double[] weights) {
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            double residual = (y[i] - mu[i]) / mu[i];
            sum += weights[i] * residual * residual;
        }
        return sum / dfResidual();
    }

    /** The diagonal of the hat matrix, as {@code hatvalues}. */
    double[] hatValues() {
        double[] h = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            h[i] = workingWeights[i] * quadratic(x[i]);
        }
        return h;
    }

    /** The linear predictor at a new row and its standard error with the given dispersion ({@code predict.glm}). */
    double[] predictLink(double[] row, double dispersion) {
        double eta = 0;
        for (int a = 0; a < row.length; a++) {
            eta += row[a] * coefficients[a];
        }
        return new double[] {eta, Math.sqrt(quadratic(row) * dispersion)};
    }

    /**
     * The two-sided p-value of coefficient {@code index} with the given dispersion, a t test as {@code summary.glm}
     * gives for quasi families.
     */
    double pValue(int index, double dispersion) {
        double se = Math.sqrt(covarianceUnscaled.getEntry(index, index) * dispersion);
        double t = coefficients[index] / se;
        return 2 * new TDistribution(dfResidual()).cumulativeProbability(-Math.abs(t));
    }

    private double quadratic(double[] row) {
        double sum = 0;
        for (int a = 0; a < row.length; a++) {
            for (int b = 0; b < row.length; b++) {
                sum += row[a] * covarianceUnscaled.getEntry(a, b) * row[b];
            }
        }
        return sum;
    }

    /** The Poisson deviance, {@code 2·Σ w·(y·log(y/mu) − (y − mu))}. */
    private static double deviance(double[] y, double[] mu, double[] weights) {
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            double term = y[i] > 0 ? y[i] * Math.log(y[i] / mu[i]) : 0;
            sum += 2 * weights[i] * (term - (y[i] - mu[i]));
        }
        return sum;
    }
}
