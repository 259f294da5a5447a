package dev.mark.platform.mail;

import dev.mark.platform.config.MailConfig;
import java.time.Clock;

/** The mailer the configuration asks for. */
public final class Mailers {

  private Mailers() {}

  /** The outbox when {@code MARK_MAIL_OUTBOX} names one, else the log. */
  public static Mailer of(MailConfig config, Clock clock) {
    return config.outbox()
        .<Mailer>map(folder -> new OutboxMailer(folder, clock))
        .orElseGet(LoggingMailer::new);
  }
}
