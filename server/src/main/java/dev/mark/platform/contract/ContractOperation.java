package dev.mark.platform.contract;

import java.util.List;
import java.util.Optional;

/**
 * One operation of the contract, with everything the binder enforces for it.
 *
 * @param operationId its {@code operationId}
 * @param method the HTTP method, upper case
 * @param path the path template, e.g. {@code /v1/datasets/{dataset_id}}
 * @param parameters its path, query and header parameters
 * @param body the request body it accepts, if any
 * @param successStatus the status of its success response (the first 2xx declared)
 * @param securitySchemes the schemes that may authenticate it, any one sufficing; empty when
 *     the operation is public
 * @param cost the units a call takes from the caller's rate limits and quota (its
 *     {@code x-mark-cost}); 0 for a public operation, which is not rate-limited
 * @param scope the scope a caller needs ({@code x-mark-scope}: {@code read}, {@code write} or
 *     {@code manage}); empty for a public operation
 */
public record ContractOperation(
    String operationId,
    String method,
    String path,
    List<ContractParameter> parameters,
    Optional<ContractBody> body,
    int successStatus,
    List<String> securitySchemes,
    int cost,
    Optional<String> scope) {

  public ContractOperation {
    parameters = List.copyOf(parameters);
    securitySchemes = List.copyOf(securitySchemes);
  }

  public boolean isPublic() {
    return securitySchemes.isEmpty();
  }

  /** Whether retries are made safe with an {@code Idempotency-Key} header. */
  public boolean isIdempotent() {
    return parameters.stream()
        .anyMatch(p -> p.in().equals("header") && p.name().equalsIgnoreCase("Idempotency-Key"));
  }
}
