package dev.mark.platform.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/** The one JSON configuration of the API: strict on input, ISO-8601 times on output. */
public final class Json {

  private Json() {}

  /** A new mapper; mappers are immutable and thread-safe, so build one and share it. */
  public static JsonMapper newMapper() {
    return JsonMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        // decimals keep every digit: 0.1 stays 0.1, and sums of money stay exact
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
        // FastDoubleParser (bundled in jackson-core) for the decimals of bulk uploads
        .enable(StreamReadFeature.USE_FAST_BIG_NUMBER_PARSER)
        .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
        .changeDefaultPropertyInclusion(include -> include.withValueInclusion(JsonInclude.Include.ALWAYS))
        .addModule(new SimpleModule("mark-times")
            .addSerializer(OffsetDateTime.class, new UtcTimestampSerializer()))
        .build();
  }
}
