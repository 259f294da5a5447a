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
 * or operation, a new required field, a narrowed type… Published behaviour only grows, but for
 * the breaks a reviewed list accepts on purpose ({@link AcceptedBreaks}); a listed break that no
 * longer occurs fails too.
 *
 * <p>Arguments: the released contract, the current one, and optionally the accepted breaks.
 */
public final class SpecCompatibilityCheck {

  private SpecCompatibilityCheck() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2 && args.length != 3) {
      throw new IllegalArgumentException("usage: SpecCompatibilityCheck <released> <current> [accepted-breaks.yaml]");
    }
    ChangedOpenApi diff = compare(Path.of(args[0]), Path.of(args[1]));
    AcceptedBreaks accepted = args.length == 3 ? AcceptedBreaks.read(Path.of(args[2])) : AcceptedBreaks.none();
    AcceptedBreaks.Verdict verdict = judge(diff, accepted);
    if (!verdict.passes()) {
      System.err.println("openapi.yaml breaks the released contract " + args[0] + ":");
      verdict.unaccepted().forEach(b -> System.err.println("  not accepted: " + b));
      verdict.stale().forEach(b -> System.err.println("  accepted but no longer a break (remove it): " + b));
      OutputStreamWriter out = new OutputStreamWriter(System.err, StandardCharsets.UTF_8);
      new MarkdownRender().render(diff, out);
      out.flush();
      System.exit(1);
    }
    System.out.println("openapi.yaml is compatible with " + args[0]
        + (diff.isUnchanged() ? " (unchanged)" : diff.isIncompatible() ? " but for its accepted breaks" : " (it only adds)"));
  }

  /** The breaks of {@code diff} that {@code accepted} does not list, and its stale entries. */
  static AcceptedBreaks.Verdict judge(ChangedOpenApi diff, AcceptedBreaks accepted) {
    return accepted.judge(ContractBreaks.of(diff));
  }

  /** The differences between two contracts. */
  public static ChangedOpenApi compare(Path released, Path current) {
    if (!Files.exists(released) || !Files.exists(current)) {
      throw new IllegalArgumentException("no contract at " + released + " or " + current);
    }
    return OpenApiCompare.fromLocations(released.toUri().toString(), current.toUri().toString());
  }
}
