package dev.mark.platform.json;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Writes an {@link OffsetDateTime} of a resource ({@code created_at}, {@code last_used_at}…) as
 * {@link Rfc3339} text, to the millisecond: some come from the server's clock (milliseconds), some
 * from PostgreSQL's {@code now()} (microseconds), and one resource should not show more digits
 * than another. Rows and query results are written elsewhere, at their data's own precision.
 */
final class UtcTimestampSerializer extends StdSerializer<OffsetDateTime> {

  UtcTimestampSerializer() {
    super(OffsetDateTime.class);
  }

  @Override
  public void serialize(OffsetDateTime value, JsonGenerator gen, SerializationContext context) {
    gen.writeString(Rfc3339.format(value.truncatedTo(ChronoUnit.MILLIS)));
  }
}
