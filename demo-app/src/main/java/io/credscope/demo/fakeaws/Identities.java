package io.credscope.demo.fakeaws;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which identity each access key id stands for, so that the fakes answer as the signer. */
public final class Identities {

  public static final String ACCOUNT = "123456789012";
  private static final Pattern CREDENTIAL = Pattern.compile("Credential=([A-Z0-9]+)/");

  private final Map<String, String> arnByKeyId = new ConcurrentHashMap<>();

  public void register(String accessKeyId, String arn) {
    arnByKeyId.put(accessKeyId, arn);
  }

  /** The ARN of the key that signed this request, or {@code null} when the key is unknown. */
  public String signer(String authorizationHeader) {
    String keyId = keyId(authorizationHeader);
    return keyId == null ? null : arnByKeyId.get(keyId);
  }

  static String keyId(String authorizationHeader) {
    if (authorizationHeader == null) {
      return null;
    }
    Matcher matcher = CREDENTIAL.matcher(authorizationHeader);
    return matcher.find() ? matcher.group(1) : null;
  }
}
