package dev.mark.usage;

import static dev.mark.db.Tables.USAGE_HOURLY;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;

/** The hourly usage counters of keys. */
final class UsageRepository {

  /** One key's counts in one hour, as stored. */
  record HourRow(String keyId, Instant hour, UsageCounts counts) {}

  /** Adds counts to the stored ones, one statement per (key, hour), in one batch. */
  void add(DSLContext dsl, Map<UsageMeter.Slot, UsageCounts> counts) {
    dsl.batch(counts.entrySet().stream()
            .map(e -> {
              UsageMeter.Slot slot = e.getKey();
              UsageCounts c = e.getValue();
              return dsl.insertInto(USAGE_HOURLY)
                  .set(USAGE_HOURLY.KEY_ID, slot.keyId())
                  .set(USAGE_HOURLY.ACCOUNT_ID, slot.accountId())
                  .set(USAGE_HOURLY.ENVIRONMENT, slot.environment())
                  .set(USAGE_HOURLY.HOUR, slot.hour().atOffset(ZoneOffset.UTC))
                  .set(USAGE_HOURLY.SUCCESSES, c.successes())
                  .set(USAGE_HOURLY.CLIENT_ERRORS, c.clientErrors())
                  .set(USAGE_HOURLY.RATE_LIMITED, c.rateLimited())
                  .set(USAGE_HOURLY.SERVER_ERRORS, c.serverErrors())
                  .set(USAGE_HOURLY.UNITS, c.units())
                  .onConflict(USAGE_HOURLY.KEY_ID, USAGE_HOURLY.HOUR)
                  .doUpdate()
                  .set(USAGE_HOURLY.SUCCESSES, USAGE_HOURLY.SUCCESSES.plus(c.successes()))
                  .set(USAGE_HOURLY.CLIENT_ERRORS, USAGE_HOURLY.CLIENT_ERRORS.plus(c.clientErrors()))
                  .set(USAGE_HOURLY.RATE_LIMITED, USAGE_HOURLY.RATE_LIMITED.plus(c.rateLimited()))
                  .set(USAGE_HOURLY.SERVER_ERRORS, USAGE_HOURLY.SERVER_ERRORS.plus(c.serverErrors()))
                  .set(USAGE_HOURLY.UNITS, USAGE_HOURLY.UNITS.plus(c.units()));
            })
            .toList())
        .execute();
  }

  /** The hours of an account's keys in [from, to), oldest first. */
  List<HourRow> hours(DSLContext dsl, String accountId, String environment, Instant from,
      Instant to) {
    return dsl.selectFrom(USAGE_HOURLY)
        .where(USAGE_HOURLY.ACCOUNT_ID.eq(accountId))
        .and(USAGE_HOURLY.ENVIRONMENT.eq(environment))
        .and(USAGE_HOURLY.HOUR.ge(from.atOffset(ZoneOffset.UTC)))
        .and(USAGE_HOURLY.HOUR.lt(to.atOffset(ZoneOffset.UTC)))
        .orderBy(USAGE_HOURLY.HOUR, USAGE_HOURLY.KEY_ID)
        .fetch(r -> new HourRow(r.getKeyId(), r.getHour().toInstant(), new UsageCounts(
            r.getSuccesses(), r.getClientErrors(), r.getRateLimited(), r.getServerErrors(),
            r.getUnits())));
  }
}
