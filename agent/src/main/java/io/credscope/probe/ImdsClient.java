package io.credscope.probe;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks the EC2 instance metadata service (IMDS) which role the instance has, the IMDSv2 way: a session token first
 * ({@code PUT /latest/api/token}), then the role's name with it ({@code GET
 * /latest/meta-data/iam/security-credentials/}). It never asks for the role's credentials: credscope holds no
 * secret of its own. One attempt, and no fallback to IMDSv1 when the token is refused: a host that refuses tokens
 * is reported as such. On a machine that is not on EC2, it gives up quietly within its timeout.
 */
public final class ImdsClient {

  static final String TOKEN_PATH = "/latest/api/token";
  static final String ROLE_PATH = "/latest/meta-data/iam/security-credentials/";
  static final String TOKEN_TTL_HEADER = "X-aws-ec2-metadata-token-ttl-seconds";
  static final String TOKEN_HEADER = "X-aws-ec2-metadata-token";
  /** The token is used once, at once; a short life leaves it little worth. */
  private static final String TOKEN_TTL_SECONDS = "60";
  private static final int MAX_ANSWER_BYTES = 8192;
  /** IAM's own rule for role names; anything else is not a role name, and is not printed. */
  static final String INFO_PATH = "/latest/meta-data/iam/info";
  /** The one field read from {@code iam/info}'s JSON, whose other fields are ids and a time. */
  private static final Pattern INSTANCE_PROFILE_ARN = Pattern.compile(
      "\"InstanceProfileArn\"\\s*:\\s*\"(arn:aws[\\w-]*:iam::\\d{12}:instance-profile/[\\w+=,.@/-]{1,128})\"");
  private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
  /** A token goes back in a header, so it must be one printable line. */
  private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7e]{1,1024}");

  private final int timeoutMillis;
  private final PlainHttp http;

  /** @param timeoutMillis for connecting, and again for each answer */
  public ImdsClient(int timeoutMillis) {
    if (timeoutMillis <= 0) {
      throw new IllegalArgumentException("timeout must be positive: " + timeoutMillis);
    }
    this.timeoutMillis = timeoutMillis;
    this.http = new PlainHttp(timeoutMillis, MAX_ANSWER_BYTES);
  }

  public int timeoutMillis() {
    return timeoutMillis;
  }

  /** @param endpoint IMDS's base address, as the SDK resolved it: {@code http://169.254.169.254} */
  public ImdsAnswer instanceRole(String endpoint) {
    String imds = "IMDS at " + endpoint;
    URI uri;
    try {
      uri = new URI(endpoint);
    } catch (URISyntaxException e) {
      return ImdsAnswer.failure("IMDS endpoint '" + endpoint + "' is not a URI");
    }
    try {
      PlainHttp.Response token =
          http.exchange(uri, "PUT", TOKEN_PATH, Collections.singletonMap(TOKEN_TTL_HEADER, TOKEN_TTL_SECONDS));
      if (token.status != 200) {
        return ImdsAnswer.failure(imds + " refused a session token (HTTP " + token.status + ")");
      }
      String value = token.body.trim();
      if (!TOKEN.matcher(value).matches()) {
        return ImdsAnswer.failure(imds + " gave no usable session token");
      }
      PlainHttp.Response roles = http.exchange(uri, "GET", ROLE_PATH, Collections.singletonMap(TOKEN_HEADER, value));
      ImdsAnswer answer = roleOf(imds, roles);
      return answer.role() == null ? answer : withInstanceProfile(uri, value, answer);
    } catch (SocketTimeoutException e) {
      return ImdsAnswer.failure(imds + " did not answer within " + duration(timeoutMillis));
    } catch (ConnectException e) {
      String message = String.valueOf(e.getMessage());
      return ImdsAnswer.failure(imds + (message.contains("refused") ? " refused the connection"
          : " could not be reached: " + message));
    } catch (NoRouteToHostException e) {
      return ImdsAnswer.failure("no route to " + imds);
    } catch (UnknownHostException e) {
      return ImdsAnswer.failure(imds + ": unknown host");
    } catch (IOException e) {
      return ImdsAnswer.failure(imds + ": " + e.getMessage());
    }
  }

  /**
   * The instance profile's ARN from {@code iam/info}, with the same token: who the role's sessions sign as, learned
   * without asking for credentials. The role's name stands when this read fails: it is the answer asked for.
   */
  private ImdsAnswer withInstanceProfile(URI uri, String token, ImdsAnswer answer) {
    try {
      PlainHttp.Response info = http.exchange(uri, "GET", INFO_PATH, Collections.singletonMap(TOKEN_HEADER, token));
      if (info.status == 200) {
        Matcher arn = INSTANCE_PROFILE_ARN.matcher(info.body);
        if (arn.find()) {
          return answer.withInstanceProfileArn(arn.group(1));
        }
      }
    } catch (IOException unanswered) {
      // The role's name is known; its profile's ARN is a bonus.
    }
    return answer;
  }

  private static ImdsAnswer roleOf(String imds, PlainHttp.Response roles) {
    if (roles.status == 404) {
      return ImdsAnswer.failure("no instance role attached (" + imds + " answered 404)");
    }
    if (roles.status != 200) {
      return ImdsAnswer.failure(imds + " answered HTTP " + roles.status + " when asked for the instance role");
    }
    // One role per instance profile; the listing has one line, the role's name.
    String role = roles.body.trim();
    int lineEnd = role.indexOf('\n');
    role = (lineEnd < 0 ? role : role.substring(0, lineEnd)).trim();
    if (role.isEmpty()) {
      return ImdsAnswer.failure("no instance role attached (" + imds + " listed none)");
    }
    if (!ROLE_NAME.matcher(role).matches()) {
      return ImdsAnswer.failure(imds + " answered something that is not a role name");
    }
    return ImdsAnswer.role(role);
  }

  /** A timeout for people: "1 s", "1500 ms". */
  public static String duration(long millis) {
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }
}
