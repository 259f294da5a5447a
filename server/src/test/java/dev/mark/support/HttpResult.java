package dev.mark.support;

import java.net.http.HttpResponse;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A response as tests look at it: status, headers, and the body as JSON. */
public record HttpResult(int status, HttpResponse<String> response) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  public JsonNode json() {
    return JSON.readTree(response.body());
  }

  public String body() {
    return response.body();
  }

  public Optional<String> header(String name) {
    return response.headers().firstValue(name);
  }

  public String contentType() {
    return header("Content-Type").orElse("");
  }
}
