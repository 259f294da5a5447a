package dev.mark.platform.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The one JSON configuration of the API: strict on input, ISO-8601 times on output, and read
 * limits that stop the parser itself before a hostile document costs more than its bytes.
 */
public final class Json {

  /** The largest document a mapper of {@link #newMapper()} reads: the default bulk body. */
  public static final long DEFAULT_MAX_DOCUMENT_BYTES = 64L * 1024 * 1024;
  /** Nesting: the contract's deepest body (filters 3 deep) needs about 10. */
  public static final int MAX_NESTING_DEPTH = 64;
  /** Digits of one number: far more than a 64-bit integer or PostgreSQL's 100-digit decimals. */
  public static final int MAX_NUMBER_LENGTH = 1000;
  /** Characters of one string value (a row's text cell may be long; no other field is). */
  public static final int MAX_STRING_LENGTH = 16 * 1024 * 1024;
  /** Characters of one property name: column names have 63 at most. */
  public static final int MAX_NAME_LENGTH = 1024;

  private Json() {}

  /** A new mapper of {@link #DEFAULT_MAX_DOCUMENT_BYTES}; build one and share it. */
  public static JsonMapper newMapper() {
    return newMapper(DEFAULT_MAX_DOCUMENT_BYTES);
  }

  /**
   * A new mapper that reads documents of at most {@code maxDocumentBytes}; mappers are immutable
   * and thread-safe, so build one and share it.
   */
  public static JsonMapper newMapper(long maxDocumentBytes) {
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(readConstraints(maxDocumentBytes))
        .build();
    return JsonMapper.builder(factory)
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

  /**
   * The parser's own limits. Every token takes at least one byte, so the token count is bounded
   * by the document's length; the byte limits of bodies are checked before parsing as well.
   */
  static StreamReadConstraints readConstraints(long maxDocumentBytes) {
    return StreamReadConstraints.builder()
        .maxDocumentLength(maxDocumentBytes)
        .maxTokenCount(maxDocumentBytes)
        .maxNestingDepth(MAX_NESTING_DEPTH)
        .maxNumberLength(MAX_NUMBER_LENGTH)
        .maxStringLength(MAX_STRING_LENGTH)
        .maxNameLength(MAX_NAME_LENGTH)
        .build();
  }
}
