package dev.mark.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The development outbox of a server under test ({@code MARK_MAIL_OUTBOX}): the messages it sent,
 * one {@code .eml} file each, read the way a person reads a mail catcher.
 */
public final class Mailbox {

  private static final Pattern SIGNUP_TOKEN = Pattern.compile("mst_[A-Za-z0-9_-]{43}");

  private final Path folder;

  public Mailbox(Path folder) {
    this.folder = folder;
  }

  public Path folder() {
    return folder;
  }

  /** One message as its file holds it. */
  public record Mail(String to, String subject, String text, String raw) {

    /** The signup token the message carries, if any. */
    public java.util.Optional<String> signupToken() {
      Matcher matcher = SIGNUP_TOKEN.matcher(text);
      return matcher.find() ? java.util.Optional.of(matcher.group()) : java.util.Optional.empty();
    }
  }

  /** Every message to {@code email} (in any case), oldest first. */
  public List<Mail> to(String email) {
    String address = email.strip().toLowerCase(Locale.ROOT);
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(file -> file.getFileName().toString().endsWith(".eml"))
          .sorted()
          .map(Mailbox::read)
          .filter(mail -> mail.to().equals(address))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The newest message to {@code email}, which must exist. */
  public Mail last(String email) {
    List<Mail> mails = to(email);
    if (mails.isEmpty()) {
      throw new AssertionError("no message to " + email + " in " + folder);
    }
    return mails.getLast();
  }

  /** The token of the newest message to {@code email}, which must carry one. */
  public String signupToken(String email) {
    Mail mail = last(email);
    return mail.signupToken().orElseThrow(() ->
        new AssertionError("the last message to " + email + " carries no signup token:\n" + mail.raw()));
  }

  private static Mail read(Path file) {
    try {
      String raw = Files.readString(file, StandardCharsets.UTF_8);
      int split = raw.indexOf("\r\n\r\n");
      String headers = raw.substring(0, split);
      String text = raw.substring(split + 4).replace("\r\n", "\n");
      return new Mail(header(headers, "To"), header(headers, "Subject"), text, raw);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String header(String headers, String name) {
    return headers.lines()
        .filter(line -> line.startsWith(name + ": "))
        .map(line -> line.substring(name.length() + 2))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " header in:\n" + headers));
  }
}
