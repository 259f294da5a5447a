package dev.mark.platform.ratelimit;

/**
 * Charges a call units beyond its operation's {@code x-mark-cost}, for operations priced by the
 * weight of what they are asked (a query's filters, groups and rows), once that weight is known
 * and before the work starts. Every unit charged this way is given back with the rest when the
 * call fails on the server's side. Lives for one call; not thread-safe.
 */
public interface Charges {

  /** For work done outside a call (tests, jobs): charges nothing, allows anything. */
  Charges NONE = new Charges() {
    @Override
    public void charge(int units) {}

    @Override
    public long maxUnitsPerCall() {
      return Long.MAX_VALUE;
    }

    @Override
    public int charged() {
      return 0;
    }
  };

  /**
   * The units charged so far: before a handler charges more, the operation's
   * {@code x-mark-cost}, which a price by weight starts from.
   */
  int charged();

  /**
   * Takes {@code units} more from the caller's limits.
   *
   * @throws dev.mark.platform.errors.TooManyRequests when a limit or the quota does not have them
   */
  void charge(int units);

  /**
   * The most units one call can ever be charged under the caller's plan (its smallest rate
   * limit): a call that costs more could never be admitted.
   */
  long maxUnitsPerCall();
}
