package dev.mark.plans;

import dev.mark.platform.config.ConfigException;
import dev.mark.platform.ratelimit.PlanDirectory;
import dev.mark.platform.ratelimit.PlanLimits;
import dev.mark.platform.ratelimit.RateWindow;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;

/**
 * The plans callers can be on, read once at startup from the built-in {@code plans.json} or
 * from the file named by {@code MARK_PLANS_FILE}, and checked then: a bad file stops the server
 * with a message naming the file and the problem. Also maps marketplace subscription names
 * (e.g. {@code PRO}) to plans. Immutable.
 */
public final class PlanCatalog implements PlanDirectory {

  private static final String BUILT_IN = "/dev/mark/plans/plans.json";
  /** The cap of a plan whose entry does not set {@code max_concurrent_queries}. */
  static final int DEFAULT_MAX_CONCURRENT_QUERIES = 4;

  private final List<ConfiguredPlan> ordered;
  private final Map<String, ConfiguredPlan> plans;
  private final String defaultPlan;
  private final String developmentPlan;
  private final Map<String, String> subscriptions;

  private PlanCatalog(List<ConfiguredPlan> ordered, String defaultPlan, String developmentPlan,
      Map<String, String> subscriptions) {
    this.ordered = List.copyOf(ordered);
    this.plans = new LinkedHashMap<>();
    ordered.forEach(plan -> this.plans.put(plan.id(), plan));
    this.defaultPlan = defaultPlan;
    this.developmentPlan = developmentPlan;
    this.subscriptions = subscriptions;
  }

  /**
   * Reads the plans from {@code file}, or the built-in ones when it is empty.
   *
   * @throws ConfigException when the file cannot be read or is not a valid plans file
   */
  public static PlanCatalog load(Optional<Path> file, ObjectMapper mapper) {
    String source = file.map(f -> "MARK_PLANS_FILE " + f).orElse("the built-in plans.json");
    try (InputStream in = file.isPresent()
        ? Files.newInputStream(file.get())
        : PlanCatalog.class.getResourceAsStream(BUILT_IN)) {
      return from(mapper.readValue(in, PlansFile.class), source);
    } catch (IOException e) {
      throw new ConfigException(source + " cannot be read: " + e.getMessage());
    } catch (JacksonException e) {
      throw new ConfigException(source + " is not a valid plans file: " + e.getOriginalMessage());
    }
  }

  private static PlanCatalog from(PlansFile file, String source) {
    Map<String, ConfiguredPlan> plans = new LinkedHashMap<>();
    for (PlansFile.Entry entry : file.plans()) {
      ConfiguredPlan plan = new ConfiguredPlan(entry.id(), entry.name(), new PlanLimits(entry.id(),
          window(entry.burst(), source, entry.id() + ".burst"),
          window(entry.sustained(), source, entry.id() + ".sustained"),
          positive(entry.monthlyQuota(), source, entry.id() + ".monthly_quota")),
          caps(entry, source),
          entry.maxConcurrentQueries() == null
              ? DEFAULT_MAX_CONCURRENT_QUERIES
              : (int) positive(entry.maxConcurrentQueries(), source,
                  entry.id() + ".max_concurrent_queries"));
      if (plans.put(entry.id(), plan) != null) {
        throw new ConfigException(source + ": the plan " + entry.id() + " is defined twice");
      }
    }
    requirePlan(plans, file.defaultPlan(), source, "default_plan");
    requirePlan(plans, file.developmentPlan(), source, "development_plan");
    Map<String, String> subscriptions = file.marketplaceSubscriptions() == null
        ? Map.of()
        : Map.copyOf(file.marketplaceSubscriptions());
    subscriptions.forEach((name, plan) ->
        requirePlan(plans, plan, source, "marketplace_subscriptions." + name));
    return new PlanCatalog(List.copyOf(plans.values()), file.defaultPlan(), file.developmentPlan(),
        subscriptions);
  }

  private static PlanCaps caps(PlansFile.Entry entry, String source) {
    PlanCaps unstated = PlanCaps.UNSTATED;
    return new PlanCaps(
        cap(entry.maxApiKeys(), unstated.maxApiKeys(), source, entry.id() + ".max_api_keys"),
        cap(entry.maxDatasets(), unstated.maxDatasets(), source, entry.id() + ".max_datasets"),
        cap(entry.maxColumnsPerDataset(), unstated.maxColumnsPerDataset(), source,
            entry.id() + ".max_columns_per_dataset"),
        cap(entry.maxTimeColumnsPerDataset(), unstated.maxTimeColumnsPerDataset(), source,
            entry.id() + ".max_time_columns_per_dataset"));
  }

  private static int cap(Integer value, int unstated, String source, String field) {
    return value == null ? unstated : Math.toIntExact(positive(value, source, field));
  }

  private static RateWindow window(PlansFile.Window window, String source, String field) {
    return new RateWindow(positive(window.limit(), source, field + ".limit"),
        Duration.ofSeconds(positive(window.windowSeconds(), source, field + ".window_seconds")));
  }

  private static long positive(long value, String source, String field) {
    if (value < 1) {
      throw new ConfigException(source + ": " + field + " must be at least 1, got " + value);
    }
    return value;
  }

  private static void requirePlan(Map<String, ConfiguredPlan> plans, String id, String source,
      String field) {
    if (!plans.containsKey(id)) {
      throw new ConfigException(source + ": " + field + " names the plan " + id
          + ", which is not defined");
    }
  }

  /** Every plan, in the order of the configuration. */
  public List<ConfiguredPlan> plans() {
    return ordered;
  }

  @Override
  public PlanLimits limitsOf(String planId) {
    ConfiguredPlan plan = plans.get(planId);
    return (plan == null ? plans.get(defaultPlan) : plan).limits();
  }

  /** The caps of {@code planId}; an unknown ID gets the default plan's. */
  public PlanCaps capsOf(String planId) {
    ConfiguredPlan plan = plans.get(planId);
    return (plan == null ? plans.get(defaultPlan) : plan).caps();
  }

  /**
   * How many analytics operations one account on {@code planId} may run at once; an unknown ID
   * gets the default plan's.
   */
  public int maxConcurrentQueries(String planId) {
    ConfiguredPlan plan = plans.get(planId);
    return (plan == null ? plans.get(defaultPlan) : plan).maxConcurrentQueries();
  }

  /** The plan of a new account. */
  public String defaultPlan() {
    return defaultPlan;
  }

  /** The plan of the development account a fresh local server creates. */
  public String developmentPlan() {
    return developmentPlan;
  }

  /** The plan a marketplace subscription name maps to; empty when it is not mapped. */
  public Optional<String> planOfSubscription(String subscription) {
    return Optional.ofNullable(subscriptions.get(subscription));
  }
}
