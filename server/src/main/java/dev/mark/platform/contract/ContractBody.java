package dev.mark.platform.contract;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The request body an operation accepts.
 *
 * @param required whether a request must carry one
 * @param jsonSchemaPointer a JSON pointer to the schema of its {@code application/json} form, if
 *     it accepts JSON; a JSON body is parsed and validated against it by the binder
 * @param rawMediaTypes the other media types it accepts (e.g. {@code text/csv}), passed to the
 *     handler as bytes for it to read
 * @param bulk whether it is a bulk upload ({@code x-mark-bulk: true} on the operation), which
 *     may be larger than other bodies and which its handler reads as a stream: the binder
 *     neither decodes it whole nor parses it into a tree, and the handler checks it against the
 *     schema as it reads, stopping at the first cap crossed
 */
public record ContractBody(
    boolean required, Optional<String> jsonSchemaPointer, List<String> rawMediaTypes, boolean bulk) {

  public ContractBody {
    rawMediaTypes = List.copyOf(rawMediaTypes);
  }

  /** Every media type accepted, JSON first. */
  public List<String> mediaTypes() {
    return jsonSchemaPointer.isPresent()
        ? Stream.concat(Stream.of("application/json"), rawMediaTypes.stream()).toList()
        : rawMediaTypes;
  }
}
