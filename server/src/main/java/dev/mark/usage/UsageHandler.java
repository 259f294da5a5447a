package dev.mark.usage;

import dev.mark.api.UsageApi;
import dev.mark.api.model.Quota;
import dev.mark.api.model.Usage;
import dev.mark.api.model.UsageGranularity;
import dev.mark.api.model.UsagePeriod;
import dev.mark.platform.http.ApiCall;
import dev.mark.platform.ratelimit.QuotaState;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The {@code usage} operations: the usage report as the API shows it. The binder has filled in
 * the contract's default granularity.
 */
public final class UsageHandler implements UsageApi {

  private final UsageService usage;

  public UsageHandler(UsageService usage) {
    this.usage = usage;
  }

  @Override
  public Usage getUsage(ApiCall call, OffsetDateTime from, OffsetDateTime to,
      UsageGranularity granularity) {
    UsageReport report = usage.report(call.principal(),
        Optional.ofNullable(from).map(OffsetDateTime::toInstant),
        Optional.ofNullable(to).map(OffsetDateTime::toInstant),
        switch (granularity) {
          case HOUR -> UsageReport.Granularity.HOUR;
          case DAY -> UsageReport.Granularity.DAY;
        });
    return new Usage(
        switch (report.granularity()) {
          case HOUR -> UsageGranularity.HOUR;
          case DAY -> UsageGranularity.DAY;
        },
        report.from().atOffset(ZoneOffset.UTC),
        report.to().atOffset(ZoneOffset.UTC),
        report.periods().stream().map(p -> new UsagePeriod(p.keyId(),
            p.periodStart().atOffset(ZoneOffset.UTC), p.successes(), p.clientErrors(),
            p.rateLimited(), p.serverErrors(), p.units())).toList(),
        toModel(report.quota()),
        toModel(report.accountQuota()));
  }

  private static Quota toModel(QuotaState quota) {
    return new Quota(quota.planId(), quota.monthlyQuota(), quota.used(), quota.remaining(),
        quota.resetsAt().atOffset(ZoneOffset.UTC));
  }
}
