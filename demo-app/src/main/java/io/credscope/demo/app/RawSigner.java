package io.credscope.demo.app;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 written by hand, as applications without an SDK do: the canonical
 * request, string to sign and derived signing key of the AWS documentation, for requests without a
 * query string, in one region.
 */
final class RawSigner {

  private static final String ALGORITHM = "AWS4-HMAC-SHA256";
  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final StaticKeys keys;
  private final String region;

  RawSigner(StaticKeys keys, String region) {
    this.keys = keys;
    this.region = region;
  }

  /**
   * The headers that sign a request to {@code uri} at {@code now}: {@code x-amz-date}, for S3
   * {@code x-amz-content-sha256}, and {@code Authorization}. The signature covers them, the given
   * headers, and the {@code Host} header every HTTP client derives from the URI by itself.
   */
  Map<String, String> sign(String service, String method, URI uri, Map<String, String> headers, byte[] body,
      Instant now) {
    Map<String, String> added = new LinkedHashMap<>();
    added.put("x-amz-date", AMZ_DATE.format(now));
    String payloadHash = sha256Hex(body);
    if (service.equals("s3")) {
      // S3, alone among the services, refuses a request without the payload's hash in this header.
      added.put("x-amz-content-sha256", payloadHash);
    }
    Map<String, String> signed = new LinkedHashMap<>(headers);
    signed.putAll(added);
    signed.put("host", uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort());
    added.put("Authorization", authorization(service, method, uri.getRawPath(), signed, payloadHash));
    return added;
  }

  /**
   * The {@code Authorization} value that signs exactly these headers, {@code host} and
   * {@code x-amz-date} among them, whatever the case of their names.
   *
   * @param path the path as sent, already URI-encoded
   */
  String authorization(String service, String method, String path, Map<String, String> headers,
      String payloadHash) {
    TreeMap<String, String> canonical = new TreeMap<>();
    headers.forEach((name, value) -> canonical.put(name.toLowerCase(Locale.ROOT), value.strip().replaceAll(" +", " ")));
    String amzDate = canonical.get("x-amz-date");
    String scope = amzDate.substring(0, 8) + "/" + region + "/" + service + "/aws4_request";
    StringBuilder canonicalHeaders = new StringBuilder();
    canonical.forEach((name, value) -> canonicalHeaders.append(name).append(':').append(value).append('\n'));
    String signedHeaders = String.join(";", canonical.keySet());
    String canonicalRequest = method + "\n" + path + "\n\n" + canonicalHeaders + "\n" + signedHeaders + "\n"
        + payloadHash;
    String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + scope + "\n"
        + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    byte[] key = ("AWS4" + keys.secretAccessKey()).getBytes(StandardCharsets.UTF_8);
    for (String part : scope.split("/")) {
      key = hmac(key, part);
    }
    return ALGORITHM + " Credential=" + keys.accessKeyId() + "/" + scope + ", SignedHeaders=" + signedHeaders
        + ", Signature=" + HexFormat.of().formatHex(hmac(key, stringToSign));
  }

  static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has HmacSHA256", e);
    }
  }
}
