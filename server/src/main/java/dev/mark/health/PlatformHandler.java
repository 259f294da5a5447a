package dev.mark.health;

import dev.mark.api.PlatformApi;
import dev.mark.api.model.Health;
import dev.mark.api.model.Readiness;
import dev.mark.platform.db.Database;
import dev.mark.platform.errors.ServiceUnavailable;
import dev.mark.platform.http.ApiCall;

/** Liveness and readiness. Readiness asks the database, so a load balancer can route around. */
public final class PlatformHandler implements PlatformApi {

  private final Database database;

  public PlatformHandler(Database database) {
    this.database = database;
  }

  @Override
  public Health getHealth(ApiCall call) {
    return new Health(Health.StatusEnum.OK);
  }

  @Override
  public Readiness getReadiness(ApiCall call) {
    if (!database.isReachable()) {
      throw new ServiceUnavailable("unavailable", "The database does not answer.");
    }
    return new Readiness(Readiness.StatusEnum.OK, Readiness.DatabaseEnum.OK);
  }
}
