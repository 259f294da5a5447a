package dev.mark.health;

import dev.mark.api.HealthApi;
import dev.mark.api.model.Health;
import dev.mark.api.model.Readiness;
import dev.mark.platform.db.Database;
import dev.mark.platform.errors.ProblemCode;
import dev.mark.platform.errors.ServiceUnavailable;
import dev.mark.platform.http.ApiCall;
import dev.mark.platform.ratelimit.BucketStore;

/**
 * Liveness and readiness. Readiness asks the database and the rate limits' store, without which
 * no call can be served, so a load balancer can route around.
 */
public final class HealthHandler implements HealthApi {

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
      throw new ServiceUnavailable(ProblemCode.UNAVAILABLE, "The database does not answer.");
    }
    if (!rateLimits.isReachable()) {
      throw new ServiceUnavailable(ProblemCode.UNAVAILABLE, "The store of the rate limits does not answer.");
    }
    return new Readiness(Readiness.StatusEnum.OK, Readiness.DatabaseEnum.OK,
        Readiness.RateLimiterEnum.OK);
  }
}
