package dev.mark.plans;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** The plans configuration as written in JSON (the built-in {@code plans.json}, or a file). */
record PlansFile(
    @JsonProperty(value = "default_plan", required = true) String defaultPlan,
    @JsonProperty(value = "development_plan", required = true) String developmentPlan,
    @JsonProperty(value = "plans", required = true) List<Entry> plans,
    @JsonProperty("marketplace_subscriptions") Map<String, String> marketplaceSubscriptions) {

  record Entry(
      @JsonProperty(value = "id", required = true) String id,
      @JsonProperty(value = "name", required = true) String name,
      @JsonProperty(value = "burst", required = true) Window burst,
      @JsonProperty(value = "sustained", required = true) Window sustained,
      @JsonProperty(value = "monthly_quota", required = true) long monthlyQuota,
      @JsonProperty("max_api_keys") Integer maxApiKeys,
      @JsonProperty("max_datasets") Integer maxDatasets,
      @JsonProperty("max_columns_per_dataset") Integer maxColumnsPerDataset,
      @JsonProperty("max_time_columns_per_dataset") Integer maxTimeColumnsPerDataset,
      @JsonProperty("max_concurrent_queries") Integer maxConcurrentQueries) {}

  record Window(
      @JsonProperty(value = "limit", required = true) long limit,
      @JsonProperty(value = "window_seconds", required = true) long windowSeconds) {}
}
