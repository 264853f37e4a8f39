# Reference bounds and alarms of Farrington-Flexible as R's surveillance package computes them
# (surveillance::farringtonFlexible) on daily series taken as periodic over the week: sts(observed, frequency = 7).
# Regenerate with:  Rscript farrington-fixture.R > farrington-reference.json
# Debian: apt-get install r-cran-surveillance r-cran-jsonlite (1.20.3 made the file in this folder).
suppressPackageStartupMessages(library(surveillance))
library(jsonlite)

set.seed(20261206)
week <- c(1.3, 1.3, 1.3, 1.3, 1.3, 0.5, 0.25)
weekly <- function(n, rate) rpois(n, rate * rep(week, length.out = n) / mean(week))
series <- list(
  weekly_sparse = weekly(100, 0.5),
  weekly_few = weekly(100, 2),
  weekly_busy = weekly(100, 8),
  weekly_spikes = { x <- weekly(100, 2); x[c(60, 61, 75, 90)] <- x[c(60, 61, 75, 90)] + c(6, 9, 5, 12); x },
  weekly_overdispersed = rnbinom(100, mu = 3 * rep(week, length.out = 100) / mean(week), size = 2),
  rising = rpois(100, (1 + (1:100) / 25) * rep(week, length.out = 100) / mean(week)),
  closed_sundays = { x <- weekly(100, 2); x[seq(7, 100, 7)] <- 0; x },
  flat_poisson = rpois(100, 1.5)
)
settings <- list(
  list(b = 8, w = 0, noPeriods = 7, alpha = 0.05, thresholdMethod = "nbPlugin", limit54 = c(2, 1),
       pastWeeksNotIncluded = 0),
  list(b = 5, w = 0, noPeriods = 1, alpha = 0.01, thresholdMethod = "delta", limit54 = c(5, 4)),
  list(b = 4, w = 1, noPeriods = 3, alpha = 0.05, thresholdMethod = "muan", limit54 = c(0, 1),
       pastWeeksNotIncluded = 2),
  list(b = 6, w = 0, noPeriods = 7, alpha = 0.01, thresholdMethod = "nbPlugin", trend = FALSE, reweight = FALSE,
       limit54 = c(1, 1), pastWeeksNotIncluded = 0),
  list(b = 3, w = 2, noPeriods = 1, alpha = 0.05, thresholdMethod = "delta", limit54 = c(3, 2)),
  list(b = 8, w = 0, noPeriods = 2, alpha = 0.02, thresholdMethod = "nbPlugin", limit54 = c(2, 1),
       weightsThreshold = 1, pThresholdTrend = 0.2, pastWeeksNotIncluded = 1)
)

cases <- list()
for (name in names(series)) {
  x <- series[[name]]
  for (control in settings) {
    first <- 7 * control$b + control$w + 1  # the first day of farringtonFlexible's default range, 1-based
    control$glmWarnings <- FALSE
    result <- farringtonFlexible(sts(observed = matrix(x, ncol = 1), frequency = 7), control = control)
    upper <- rep(NA, length(x)); alarm <- rep(NA, length(x))
    upper[first:length(x)] <- as.vector(upperbound(result))
    alarm[first:length(x)] <- as.vector(alarms(result))
    control$glmWarnings <- NULL
    cases[[length(cases) + 1]] <- list(series = name, control = control, observed = x,
                                       upperbound = upper, alarm = alarm)
  }
}
cat(toJSON(list(surveillance = as.character(packageVersion("surveillance")), cases = cases),
           auto_unbox = TRUE, digits = NA, na = "null"))
