package dev.mark.platform.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * A development outbox: each message becomes one {@code .eml} file (RFC 5322 headers, a plain
 * UTF-8 body) in a folder, as a mail catcher keeps them, so that a developer opens it in any mail
 * client and tests of real server processes read the tokens they need. A file appears whole: it
 * is written under a temporary name and then moved into place.
 */
public final class OutboxMailer implements Mailer {

  private static final String FROM = "Mark <no-reply@mark.dev>";

  private final Path folder;
  private final Clock clock;

  /** @throws IllegalStateException when the folder cannot be created */
  public OutboxMailer(Path folder, Clock clock) {
    this.folder = folder;
    this.clock = clock;
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new IllegalStateException("MARK_MAIL_OUTBOX: cannot create " + folder, e);
    }
  }

  @Override
  public void send(MailMessage message) {
    String id = UUID.randomUUID().toString();
    // the time first, so that a listing sorted by name is in the order of sending
    String name = clock.millis() + "-" + id + ".eml";
    String mail = "From: " + FROM + "\r\n"
        + "To: " + message.to() + "\r\n"
        + "Subject: " + message.subject() + "\r\n"
        + "Date: " + DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().atOffset(ZoneOffset.UTC)) + "\r\n"
        + "Message-ID: <" + id + "@mark.dev>\r\n"
        + "MIME-Version: 1.0\r\n"
        + "Content-Type: text/plain; charset=UTF-8\r\n"
        + "Content-Transfer-Encoding: 8bit\r\n"
        + "\r\n"
        + message.text().replace("\r\n", "\n").replace("\n", "\r\n");
    try {
      Path partial = folder.resolve("." + name + ".partial");
      Files.writeString(partial, mail, StandardCharsets.UTF_8);
      Files.move(partial, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a message to the outbox " + folder, e);
    }
  }
}
