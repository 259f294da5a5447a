package dev.mark.buildtools;

import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * Fails the build when {@code openapi.yaml} breaks the last released contract: a removed path
 * or operation, a new required field, a narrowed type… Published behaviour only grows.
 *
 * <p>Arguments: the released contract, the current one.
 */
public final class SpecCompatibilityCheck {

  private SpecCompatibilityCheck() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: SpecCompatibilityCheck <released> <current>");
    }
    ChangedOpenApi diff = compare(Path.of(args[0]), Path.of(args[1]));
    if (diff.isIncompatible()) {
      System.err.println("openapi.yaml breaks the released contract " + args[0] + ":");
      OutputStreamWriter out = new OutputStreamWriter(System.err, StandardCharsets.UTF_8);
      new MarkdownRender().render(diff, out);
      out.flush();
      System.exit(1);
    }
    System.out.println("openapi.yaml is compatible with " + args[0]
        + (diff.isUnchanged() ? " (unchanged)" : " (it only adds)"));
  }

  /** The differences between two contracts. */
  public static ChangedOpenApi compare(Path released, Path current) {
    if (!Files.exists(released) || !Files.exists(current)) {
      throw new IllegalArgumentException("no contract at " + released + " or " + current);
    }
    return OpenApiCompare.fromLocations(released.toUri().toString(), current.toUri().toString());
  }
}
