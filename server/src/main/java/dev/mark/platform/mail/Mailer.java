package dev.mark.platform.mail;

/**
 * Sends messages to people's mailboxes. Mark has no mail service yet: the default implementation
 * writes each message to the log ({@link LoggingMailer}), and a development outbox
 * ({@link OutboxMailer}, {@code MARK_MAIL_OUTBOX}) keeps each one as a file, the way a mail
 * catcher does, so that people and tests running a real server can read them.
 *
 * <p>Implementations are thread-safe. {@link #send} returns once the message is handed over; one
 * that cannot be handed over throws an unchecked exception, a 500, since the caller is about to
 * be told that a message is on its way.
 */
public interface Mailer {

  void send(MailMessage message);
}
