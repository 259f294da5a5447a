package dev.mark.health;

import dev.mark.api.HealthApi;
import dev.mark.api.model.Health;
import dev.mark.api.model.Readiness;
import dev.mark.platform.db.Database;
import dev.mark.platform.errors.ProblemCode;
import dev.mark.platform.errors.ServiceUnavailable;
import dev.mark.platform.http.ApiCall;
import dev.mark.platform.ratelimit.BucketStore;
import java.util.OptionalLong;

/**
 * Liveness and readiness. Readiness asks the database and the rate limits' store, without which
 * no call can be served, so a load balancer can route around; it answers within about a second
 * even when the database is down or frozen ({@link Database#isReachable()}).
 */
public final class HealthHandler implements HealthApi {

  private static final long RETRY_SECONDS = 2;

  private final Database database;
  private final BucketStore rateLimits;

  public HealthHandler(Database database, BucketStore rateLimits) {
    this.database = database;
    this.rateLimits = rateLimits;
  }

  @Override
  public Health getHealth(ApiCall call) {
    return new Health(Health.StatusEnum.OK);
  }

  @Override
  public Readiness getReadiness(ApiCall call) {
    if (!database.isReachable()) {
      throw new ServiceUnavailable(ProblemCode.UNAVAILABLE, "The database does not answer.",
          OptionalLong.of(RETRY_SECONDS));
    }
    if (!rateLimits.isReachable()) {
      throw new ServiceUnavailable(ProblemCode.UNAVAILABLE, "The store of the rate limits does not answer.",
          OptionalLong.of(RETRY_SECONDS));
    }
    return new Readiness(Readiness.StatusEnum.OK, Readiness.DatabaseEnum.OK,
        Readiness.RateLimiterEnum.OK);
  }
}
