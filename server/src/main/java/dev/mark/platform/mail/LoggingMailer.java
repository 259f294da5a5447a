package dev.mark.platform.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stand-in for a mail service: logs each message, body included, at INFO. The log of a
 * deployment then holds confirmation tokens, which is why a real deployment wants a real mailer;
 * until one exists, this is how an operator can act as the mailbox.
 */
public final class LoggingMailer implements Mailer {

  private static final Logger log = LoggerFactory.getLogger(LoggingMailer.class);

  @Override
  public void send(MailMessage message) {
    log.info("Mail to {}: {}\n{}", message.to(), message.subject(), message.text());
  }
}
