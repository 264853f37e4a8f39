# Reference alarms of the CDC's EARS C1, C2 and C3 as R's surveillance package computes them (surveillance::earsC).
# Regenerate with:  Rscript ears-fixture.R > ears-reference.json
# Debian: apt-get install r-cran-surveillance (1.20.3 made the file in this folder).
suppressPackageStartupMessages(library(surveillance))
library(jsonlite)

set.seed(20260315)
series <- list(
  sparse_poisson = rpois(60, 0.8),
  daily_few = rpois(60, 3),
  with_spikes = { x <- rpois(60, 2); x[c(20, 33, 34, 50)] <- c(9, 12, 7, 15); x },
  all_zero_then_one = c(rep(0, 20), 1, rep(0, 10), 2, 0, 0),
  constant = rep(4, 30),
  step_up = c(rpois(30, 1), rpois(30, 5)),
  busy = rpois(90, 12),
  short = c(1, 0, 2, 1, 0, 3, 1, 2, 9, 1, 0, 2, 8, 1)
)
settings <- list(
  list(method = "C1"), list(method = "C2"), list(method = "C3"),
  list(method = "C1", minSigma = 0.5), list(method = "C2", minSigma = 0.5), list(method = "C3", minSigma = 0.5),
  list(method = "C1", alpha = 0.05), list(method = "C2", alpha = 0.01, baseline = 5),
  list(method = "C3", alpha = 0.001, minSigma = 1), list(method = "C2", baseline = 10, minSigma = 0.2)
)

cases <- list()
for (name in names(series)) {
  x <- series[[name]]
  for (control in settings) {
    baseline <- if (is.null(control$baseline)) 7 else control$baseline
    lag <- switch(control$method, C1 = baseline, C2 = baseline + 2, C3 = baseline + 4)
    if (length(x) <= lag) next
    result <- earsC(sts(observed = matrix(x, ncol = 1)), control = control)
    first <- lag + 1  # the first day of earsC's default range, 1-based
    upper <- rep(NA, length(x)); alarm <- rep(NA, length(x))
    upper[first:length(x)] <- as.vector(upperbound(result))
    alarm[first:length(x)] <- as.vector(alarms(result))
    cases[[length(cases) + 1]] <- list(series = name, control = control, observed = x,
                                       upperbound = upper, alarm = alarm)
  }
}
cat(toJSON(list(generator = paste("surveillance", packageVersion("surveillance")), cases = cases),
           auto_unbox = TRUE, digits = NA, na = "null", null = "null"))
