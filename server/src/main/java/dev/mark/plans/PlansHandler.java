package dev.mark.plans;

import dev.mark.api.PlansApi;
import dev.mark.api.model.Plan;
import dev.mark.api.model.PlanList;
import dev.mark.api.model.RateWindow;
import dev.mark.platform.http.ApiCall;

/** The {@code plans} operations: the configured plans as the API shows them. */
public final class PlansHandler implements PlansApi {

  private final PlanCatalog catalog;

  public PlansHandler(PlanCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public PlanList listPlans(ApiCall call) {
    return new PlanList(catalog.plans().stream().map(PlansHandler::toModel).toList());
  }

  private static Plan toModel(ConfiguredPlan plan) {
    return new Plan(
        plan.id(),
        plan.name(),
        toModel(plan.limits().burst()),
        toModel(plan.limits().sustained()),
        plan.limits().monthlyQuota(),
        plan.caps().maxApiKeys(),
        plan.caps().maxDatasets(),
        plan.caps().maxColumnsPerDataset(),
        plan.caps().maxTimeColumnsPerDataset(),
        plan.maxConcurrentQueries());
  }

  private static RateWindow toModel(dev.mark.platform.ratelimit.RateWindow window) {
    return new RateWindow(window.limit(), Math.toIntExact(window.window().toSeconds()));
  }
}
