package io.credscope.credentials;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a provider's exception into a short reason that says what to set or fix, such as
 * "AWS_ACCESS_KEY_ID not set". The SDKs' own messages are long and differ between SDKs and
 * versions; the ones not recognised are cut to their first sentence. Runs only on failures.
 */
public final class FailureReasons {

  private static final Pattern PROFILE_NAME = Pattern.compile("profile '([^']*)'|profile named '([^']*)'");
  /** Anything that looks like key material is cut out, should a message ever carry some. */
  private static final Pattern KEY_MATERIAL = Pattern.compile("[A-Za-z0-9/+=]{32,}");
  private static final int MAX_LENGTH = 160;

  private FailureReasons() {
  }

  public static String describe(CredentialSource source, Throwable failure) {
    String message = String.valueOf(failure.getMessage());
    String network = networkFailure(failure);
    switch (source) {
      case ENVIRONMENT:
        if (message.contains("Secret key must be specified")) {
          return "AWS_SECRET_ACCESS_KEY not set";
        }
        if (message.contains("Access key must be specified") || message.contains("from environment variables")) {
          return "AWS_ACCESS_KEY_ID not set";
        }
        break;
      case SYSTEM_PROPERTIES:
        if (message.contains("Secret key must be specified")) {
          return "aws.secretAccessKey not set";
        }
        if (message.contains("Access key must be specified") || message.contains("from Java system properties")) {
          return "aws.accessKeyId not set";
        }
        break;
      case WEB_IDENTITY:
        if (message.contains("AWS_WEB_IDENTITY_TOKEN_FILE") || message.contains("roleArn and roleSessionName")) {
          return "AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN not set";
        }
        // Set up, then: the one call it makes is to STS.
        if (network != null) {
          return "STS " + network;
        }
        break;
      case ASSUME_ROLE:
        if (network != null) {
          return "STS " + network;
        }
        break;
      case PROFILE:
        Matcher profile = PROFILE_NAME.matcher(message);
        if (profile.find()) {
          String name = profile.group(1) != null ? profile.group(1) : profile.group(2);
          return "profile '" + name + "' not found in the config or credentials file";
        }
        if (message.contains("profile file cannot be null")) {
          return "no credentials file (~/.aws/credentials or AWS_CREDENTIAL_PROFILES_FILE)";
        }
        break;
      case CONTAINER:
        if (message.contains("AWS_CONTAINER_CREDENTIALS_FULL_URI")) {
          return "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and AWS_CONTAINER_CREDENTIALS_FULL_URI not set";
        }
        if (network != null) {
          return "container credentials endpoint " + network;
        }
        break;
      case INSTANCE_PROFILE:
        if (message.contains("IMDS credentials have been disabled") || message.contains("AWS_EC2_METADATA_DISABLED")) {
          return "AWS_EC2_METADATA_DISABLED=true";
        }
        if (network != null) {
          return "IMDS " + network;
        }
        break;
      default:
        break;
    }
    return network != null ? network : firstSentence(message);
  }

  /** What went wrong on the network, if that is what went wrong; short enough for one line. */
  private static String networkFailure(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SocketTimeoutException) {
        return "did not answer in time";
      }
      if (cause instanceof ConnectException) {
        return "refused the connection";
      }
      if (cause instanceof UnknownHostException) {
        return "host unknown: " + cause.getMessage();
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return null;
  }

  static String firstSentence(String message) {
    String reason = message;
    int colon = reason.indexOf(": ");
    // SDK messages often continue with a dump of the provider's settings after a colon.
    if (colon > 20) {
      reason = reason.substring(0, colon);
    }
    int stop = reason.indexOf(". ");
    if (stop > 0) {
      reason = reason.substring(0, stop);
    }
    reason = KEY_MATERIAL.matcher(reason.trim()).replaceAll("\u2026");
    if (reason.endsWith(".")) {
      reason = reason.substring(0, reason.length() - 1);
    }
    return reason.length() > MAX_LENGTH ? reason.substring(0, MAX_LENGTH - 1) + "\u2026" : reason;
  }
}
