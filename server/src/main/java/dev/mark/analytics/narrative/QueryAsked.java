package dev.mark.analytics.narrative;

import java.util.List;
import java.util.Map;

/**
 * What a query narrative needs beyond the answer, free of HTTP types.
 *
 * @param datasetId the dataset queried, for the paths of follow-up requests
 * @param body the query's JSON body as maps, lists and scalars (after the contract's defaults)
 * @param timeColumns the dataset's {@code date} and {@code timestamp} columns, in their order,
 *     so that an answer without time can suggest its view over time
 */
public record QueryAsked(String datasetId, Map<String, Object> body, List<String> timeColumns) {}
