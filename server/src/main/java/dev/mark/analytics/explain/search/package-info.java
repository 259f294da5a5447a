/**
 * Root-cause search for an explain: given the measure's additive parts per leaf (the finest
 * combination of dimension values) in a baseline and a current period, find the few
 * combinations of dimension values, such as {@code {region: EMEA, channel: web}}, that together
 * account for the change. Pure and in memory: no SQL, no HTTP; the explain engine aggregates the
 * leaves and calls {@link dev.mark.analytics.explain.search.RootCauseSearch#find}.
 */
package dev.mark.analytics.explain.search;
