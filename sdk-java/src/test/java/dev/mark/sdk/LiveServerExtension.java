package dev.mark.sdk;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects one {@link LiveServer} shared by every test class of the run: starting the server and
 * its PostgreSQL costs seconds, so it happens once. JUnit closes it when the run ends, because
 * it lives in the root store and is {@link AutoCloseable}.
 *
 * <p>Tests share its database, so each creates its own data and never assumes an empty account.
 */
final class LiveServerExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(LiveServerExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == LiveServer.class;
  }

  @Override
  public LiveServer resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .computeIfAbsent(LiveServer.class, key -> startServer(), LiveServer.class);
  }

  private static LiveServer startServer() {
    try {
      return LiveServer.start();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the Mark server", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
