package dev.mark.sdk.core;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Sends one request and returns its response, whatever the status: the seam between the retry
 * loop and the network. {@code HttpClient.send} in production; a scripted fake in unit tests.
 */
@FunctionalInterface
interface Exchange {
  HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException;
}
