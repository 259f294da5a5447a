package dev.mark.platform.json;

import dev.mark.platform.errors.BadRequest;
import dev.mark.platform.errors.ProblemCode;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;

/** The 400 of a body that is not JSON, or that breaks the parser's limits, said where and why. */
public final class JsonProblems {

  private JsonProblems() {}

  public static BadRequest malformed(JacksonException e) {
    if (e.getCause() instanceof StrictUtf8.Malformed bytes) {
      return notUtf8(bytes);
    }
    if (e instanceof StreamConstraintsException limits) {
      // Jackson names the setting to raise ("from `StreamReadConstraints…`"): not the caller's business
      String reason = limits.getOriginalMessage().replaceAll(",? from `[^`]*`", "");
      return new BadRequest(ProblemCode.MALFORMED_JSON,
          "The body is beyond what the server reads: " + reason + ".", List.of());
    }
    TokenStreamLocation at = e.getLocation();
    String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    return new BadRequest(ProblemCode.MALFORMED_JSON, "The body is not valid JSON" + where + ".", List.of());
  }

  /** The 400 of a JSON body that is not UTF-8 (RFC 8259 requires it), said where. */
  public static BadRequest notUtf8(StrictUtf8.Malformed e) {
    return new BadRequest(ProblemCode.MALFORMED_JSON, "The body is not UTF-8 at line " + e.line()
        + ", column " + e.column() + ".", List.of());
  }
}
