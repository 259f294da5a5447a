package dev.mark.keys;

import java.util.List;
import java.util.Optional;

/** One page of keys, and the cursor of the next one if there is more. */
public record ApiKeyPage(List<ApiKeyRecord> items, Optional<String> nextCursor) {}
