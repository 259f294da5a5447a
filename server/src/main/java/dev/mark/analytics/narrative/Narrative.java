package dev.mark.analytics.narrative;

import java.util.List;

/**
 * The story of an answer: a headline, at most {@value Catalogue#MAX_STATEMENTS} statements most
 * important first, and next questions. The same input always gives an equal narrative.
 */
public record Narrative(String catalogueVersion, String headline, List<Statement> statements,
    List<Suggestion> suggestions) {}
