package dev.mark.analytics;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The name under which PostgreSQL reads a time zone as Java does. PostgreSQL takes a zone name
 * first as an abbreviation ({@code CET} is then a fixed +01:00, without its summer time), then
 * as a tz database name, and else as a POSIX rule, whose offsets count hours west of Greenwich:
 * {@code +01:00}, {@code UTC+01:00} and {@code GMT+01:00}, all +01:00 to Java, are -01:00 to it.
 * So every zone of a fixed offset, whatever Java form it came in ({@code Z}, {@code +01:00},
 * {@code UTC+1}, {@code Etc/GMT-1}, {@code EST}…), is passed as an explicit POSIX rule; a zone
 * with rules is passed by its Area/Location name; and a bare name with rules ({@code CET},
 * {@code EST5EDT}, {@code NZ}), which PostgreSQL may read as a fixed abbreviation, has none.
 */
final class SqlTimeZone {

  private SqlTimeZone() {}

  /** The name of {@code zone} for PostgreSQL; empty when it has none that reads the same. */
  static Optional<String> of(ZoneId zone) {
    if (zone.normalized() instanceof ZoneOffset offset) {
      return Optional.of(posix(offset));
    }
    return zone.getId().contains("/") ? Optional.of(zone.getId()) : Optional.empty();
  }

  /** {@link #of}, for a zone the planner has accepted. */
  static String name(ZoneId zone) {
    return of(zone).orElseThrow(() -> new IllegalStateException("no PostgreSQL name for " + zone));
  }

  /** A POSIX rule: {@code <+0530>-05:30:00} is 5 h 30 east of Greenwich, as Java's +05:30. */
  private static String posix(ZoneOffset offset) {
    int seconds = offset.getTotalSeconds();
    if (seconds == 0) {
      return "UTC";
    }
    int abs = Math.abs(seconds);
    String clock = String.format("%02d:%02d:%02d", abs / 3600, abs / 60 % 60, abs % 60);
    String abbreviation = (seconds > 0 ? "+" : "-") + clock.replace(":", "");
    return "<" + abbreviation + ">" + (seconds > 0 ? "-" : "+") + clock;
  }
}
