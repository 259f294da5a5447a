package dev.mark.platform.config;

import static dev.mark.platform.config.Variable.MARK_MAIL_OUTBOX;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where messages to people's mailboxes go (signup confirmations, for now).
 *
 * @param outbox a folder where each message is written as one {@code .eml} file, as a
 *     development mail catcher keeps them ({@link Variable#MARK_MAIL_OUTBOX}); empty: messages
 *     are written to the log
 */
public record MailConfig(Optional<Path> outbox) {

  static MailConfig fromEnvironment(Environment env) {
    return new MailConfig(env.text(MARK_MAIL_OUTBOX).map(Path::of));
  }
}
