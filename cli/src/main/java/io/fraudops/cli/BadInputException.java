package io.fraudops.cli;

/**
 * Input the user gave is wrong: a file that does not exist, a CSV the command cannot use, a model
 * without what the command needs. Exit code 2 and the message alone: the user has something to fix,
 * a stack trace would bury it. (A wrong option value is picocli's {@code ParameterException}, which
 * prints the usage as well.)
 */
public class BadInputException extends RuntimeException {

  public BadInputException(String message) {
    super(message);
  }

  public BadInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
