package dev.mark.usage;

/** What one key did in one period. */
record UsageCounts(long successes, long clientErrors, long rateLimited, long serverErrors,
    long units) {

  static final UsageCounts NONE = new UsageCounts(0, 0, 0, 0, 0);

  UsageCounts plus(UsageCounts other) {
    return new UsageCounts(successes + other.successes, clientErrors + other.clientErrors,
        rateLimited + other.rateLimited, serverErrors + other.serverErrors, units + other.units);
  }

  static UsageCounts of(int status, int units) {
    if (status >= 500) {
      return new UsageCounts(0, 0, 0, 1, units);
    }
    if (status == 429) {
      return new UsageCounts(0, 0, 1, 0, units);
    }
    if (status >= 400) {
      return new UsageCounts(0, 1, 0, 0, units);
    }
    return new UsageCounts(1, 0, 0, 0, units);
  }
}
