package io.credscope.demo.app;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What came back, whatever the client: the status and the body as text. */
record RawResponse(int status, String body) {

  /** The query and XML protocols' {@code <Code>}, and the JSON protocol's {@code __type}, namespace dropped. */
  private static final Pattern ERROR_CODE =
      Pattern.compile("<Code>([^<]+)</Code>|\"__type\"\\s*:\\s*\"(?:[^\"#]*#)?([^\"]+)\"");

  boolean successful() {
    return status >= 200 && status < 300;
  }

  /** The AWS error code in the body, or an empty string when there is none. */
  String errorCode() {
    Matcher matcher = ERROR_CODE.matcher(body);
    if (!matcher.find()) {
      return "";
    }
    return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
  }
}
