package dev.mark.platform.http;

import java.util.function.Function;

/**
 * Finds a generated enum's constant from the name a service gives it. Handlers write the
 * service's name of each constant as an exhaustive switch over the generated enum (so a value
 * added to the contract does not compile until it is named), and use this for the way back.
 */
public final class Enums {

  private Enums() {}

  /**
   * @throws IllegalStateException when no constant has that name: the service holds a value
   *     the contract does not declare, a bug
   */
  public static <E extends Enum<E>> E named(Class<E> type, Function<E, String> nameOf, String name) {
    for (E constant : type.getEnumConstants()) {
      if (nameOf.apply(constant).equals(name)) {
        return constant;
      }
    }
    throw new IllegalStateException("the contract's " + type.getSimpleName() + " has no " + name);
  }
}
