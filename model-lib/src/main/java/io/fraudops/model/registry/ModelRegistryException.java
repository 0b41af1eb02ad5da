package io.fraudops.model.registry;

/**
 * The registry's store could not be read or written, or refused a request (an unknown version for
 * an alias, too many concurrent writers). Unchecked: callers (a promotion command, a hot-swap
 * poller) can only report it and keep the model they have.
 */
public class ModelRegistryException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ModelRegistryException(String message) {
    super(message);
  }

  public ModelRegistryException(String message, Throwable cause) {
    super(message, cause);
  }
}
