package dev.mark.platform.mail;

/**
 * One plain-text message to one address. Whoever builds it keeps secrets other than the one the
 * message is meant to carry (a confirmation token) out of it: a password never goes in.
 */
public record MailMessage(String to, String subject, String text) {}
