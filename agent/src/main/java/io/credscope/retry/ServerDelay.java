package io.credscope.retry;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The delay a throttling server asked for: {@code x-amz-retry-after} in milliseconds, which some
 * AWS services send and which is more precise, else the standard {@code Retry-After} in seconds or
 * as an HTTP date.
 */
public final class ServerDelay {

  /** No delay was asked for, or none that could be read. */
  public static final long NONE = -1;

  private ServerDelay() {
  }

  /**
   * @param amzRetryAfter the {@code x-amz-retry-after} header, or {@code null}
   * @param retryAfter the {@code Retry-After} header, or {@code null}
   * @param nowMillis the current time, against which an HTTP date is measured
   */
  public static long millis(String amzRetryAfter, String retryAfter, long nowMillis) {
    long amz = wholeNumber(amzRetryAfter);
    if (amz != NONE) {
      return amz;
    }
    if (retryAfter == null) {
      return NONE;
    }
    long seconds = wholeNumber(retryAfter);
    if (seconds != NONE) {
      return seconds > Long.MAX_VALUE / 1000 ? Long.MAX_VALUE : seconds * 1000;
    }
    try {
      long at = ZonedDateTime.parse(retryAfter.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
      return Math.max(0, at - nowMillis);
    } catch (DateTimeParseException e) {
      return NONE;
    }
  }

  private static long wholeNumber(String text) {
    if (text == null) {
      return NONE;
    }
    String value = text.trim();
    if (value.isEmpty() || value.length() > 18) {
      return NONE;
    }
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) < '0' || value.charAt(i) > '9') {
        return NONE;
      }
    }
    return Long.parseLong(value);
  }
}
