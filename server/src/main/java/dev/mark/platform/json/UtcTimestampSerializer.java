package dev.mark.platform.json;

import java.time.OffsetDateTime;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

/** Writes an {@link OffsetDateTime} as {@link Rfc3339} text, fast for the usual UTC times. */
final class UtcTimestampSerializer extends StdSerializer<OffsetDateTime> {

  UtcTimestampSerializer() {
    super(OffsetDateTime.class);
  }

  @Override
  public void serialize(OffsetDateTime value, JsonGenerator gen, SerializationContext context) {
    gen.writeString(Rfc3339.format(value));
  }
}
