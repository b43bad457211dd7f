package io.credscope.it.apps;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.signer.Aws4Signer;
import software.amazon.awssdk.auth.signer.params.Aws4PresignerParams;
import software.amazon.awssdk.auth.signer.params.Aws4SignerParams;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.regions.Region;

/**
 * A host application for the HTTP hooks' tests: with one HTTP client, a raw call signed by hand with SDK v2's own
 * SigV4 signer (keys from a static provider, so that credscope links them), and a plain call; with
 * {@code HttpURLConnection}, also a presigned URL. Prints a digest of every response body, so that runs with and
 * without the agent can be compared byte for byte.
 *
 * <pre>HttpClientsApp CLIENT BASE_URL KEY_ID SECRET [PRESIGN_KEY_ID PRESIGN_SECRET]</pre>
 *
 * <p>With {@code errors-CLIENT}, it makes the signed calls that the test's server answers with AWS errors, one per
 * protocol, then a plain call answered with an error, and prints the digest of every error body it reads. With
 * {@code throttled-once-CLIENT}, it makes one signed call that the server throttles the first time, and prints the
 * digest of the body it finally reads. With {@code okhttp-version}, it prints the version of the OkHttp it runs with.
 */
public final class HttpClientsApp {

  private HttpClientsApp() {
  }

  public static void main(String[] args) throws Exception {
    String client = args[0];
    URI base = URI.create(args[1]);
    AwsCredentials credentials =
        StaticCredentialsProvider.create(AwsBasicCredentials.create(args[2], args[3])).resolveCredentials();
    switch (client) {
      case "imds-v1" -> {
        print("imds", send("urlconnection", base.resolve("/latest/meta-data/instance-id"), "GET", Map.of()));
        return;
      }
      case "imds-v2" -> {
        String token = new String(send("urlconnection", base.resolve("/latest/api/token"), "PUT",
            Map.of("X-aws-ec2-metadata-token-ttl-seconds", "60")));
        print("imds", send("urlconnection", base.resolve("/latest/meta-data/instance-id"), "GET",
            Map.of("X-aws-ec2-metadata-token", token)));
        return;
      }
      case "okhttp-version" -> {
        // Read at run time: OkHttp 4's VERSION is a constant, which javac would copy in at compile time.
        System.out.println("okhttp " + Class.forName("okhttp3.OkHttp").getField("VERSION").get(null));
        return;
      }
      default -> {
      }
    }
    if (client.startsWith("errors-")) {
      errors(client.substring("errors-".length()), base, credentials);
      return;
    }
    if (client.startsWith("throttled-once-")) {
      SignedCall call = new SignedCall("throttled-once", "dynamodb", "/throttle-once", "DynamoDB_20120810.GetItem");
      print(call.name(), sendSigned(client.substring("throttled-once-".length()), base, credentials, call));
      return;
    }
    SdkHttpFullRequest unsigned = SdkHttpFullRequest.builder().method(SdkHttpMethod.GET)
        .uri(base.resolve("/signed?Action=ListTables")).build();
    @SuppressWarnings("deprecation")
    SdkHttpFullRequest signed = Aws4Signer.create().sign(unsigned, Aws4SignerParams.builder()
        .awsCredentials(credentials).signingName("dynamodb").signingRegion(Region.EU_WEST_1).build());
    Map<String, String> headers = Map.of("Authorization", signed.firstMatchingHeader("Authorization").get(),
        "X-Amz-Date", signed.firstMatchingHeader("X-Amz-Date").get());
    print("signed", send(client, signed.getUri(), "GET", headers));
    // SigV4a, as for an S3 Multi-Region Access Point: the scope names no region, X-Amz-Region-Set does. Only the
    // identity is read, so the ECDSA signature need not be valid.
    print("sigv4a", send(client, base.resolve("/sigv4a/object.txt"), "GET", Map.of("Authorization",
        "AWS4-ECDSA-P256-SHA256 Credential=" + credentials.accessKeyId() + "/20261122/s3/aws4_request, "
            + "SignedHeaders=host;x-amz-date;x-amz-region-set, Signature=3045022100c2d9a5f0e1b7",
        "X-Amz-Date", "20261122T100000Z", "X-Amz-Region-Set", "us-east-1,us-west-2")));
    print("plain", send(client, base.resolve("/plain?page=1"), "GET", Map.of()));
    if (args.length > 5) {
      AwsCredentials presigner = AwsBasicCredentials.create(args[4], args[5]);
      @SuppressWarnings("deprecation")
      SdkHttpFullRequest presigned = Aws4Signer.create().presign(SdkHttpFullRequest.builder()
          .method(SdkHttpMethod.GET).uri(base.resolve("/bucket/report.csv")).build(), Aws4PresignerParams.builder()
          .awsCredentials(presigner).signingName("s3").signingRegion(Region.EU_CENTRAL_1)
          .expirationTime(Instant.now().plus(Duration.ofHours(48))).build());
      print("presigned", send("urlconnection", presigned.getUri(), "GET", Map.of()));
    }
  }

  /** A signed GET the test's server answers in a given way: the service it is signed for, where it goes. */
  private record SignedCall(String name, String service, String pathAndQuery, String amzTarget) {
  }

  private static void errors(String client, URI base, AwsCredentials credentials) throws Exception {
    List<SignedCall> calls = List.of(
        new SignedCall("json-throttle", "dynamodb", "/err/json-throttle", "DynamoDB_20120810.GetItem"),
        new SignedCall("query-throttle", "sts", "/err/query-throttle?Action=GetCallerIdentity&Version=2011-06-15",
            null),
        new SignedCall("ec2-limit", "ec2", "/err/ec2-limit?Action=DescribeInstances&Version=2016-11-15", null),
        new SignedCall("s3-slowdown", "s3", "/err/s3-slowdown/bucket/key", null),
        new SignedCall("ec2-unauthorized", "ec2", "/err/ec2-unauthorized?Action=RunInstances&Version=2016-11-15",
            null));
    for (SignedCall call : calls) {
      print(call.name(), sendSigned(client, base, credentials, call));
    }
    print("plain-error", send(client, base.resolve("/err/plain"), "GET", Map.of()));
  }

  private static byte[] sendSigned(String client, URI base, AwsCredentials credentials, SignedCall call)
      throws Exception {
    SdkHttpFullRequest.Builder unsigned = SdkHttpFullRequest.builder().method(SdkHttpMethod.GET)
        .uri(base.resolve(call.pathAndQuery()));
    if (call.amzTarget() != null) {
      unsigned.putHeader("X-Amz-Target", call.amzTarget());
    }
    @SuppressWarnings("deprecation")
    SdkHttpFullRequest signed = Aws4Signer.create().sign(unsigned.build(), Aws4SignerParams.builder()
        .awsCredentials(credentials).signingName(call.service()).signingRegion(Region.EU_WEST_1).build());
    Map<String, String> headers = new TreeMap<>();
    headers.put("Authorization", signed.firstMatchingHeader("Authorization").get());
    headers.put("X-Amz-Date", signed.firstMatchingHeader("X-Amz-Date").get());
    if (call.amzTarget() != null) {
      headers.put("X-Amz-Target", call.amzTarget());
    }
    return send(client, signed.getUri(), "GET", headers);
  }

  private static void print(String what, byte[] body) throws Exception {
    System.out.println(what + " " + body.length + " " + HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(body)));
  }

  static byte[] send(String client, URI uri, String method, Map<String, String> headers) throws Exception {
    return switch (client) {
      case "urlconnection" -> urlConnection(uri, method, headers);
      case "httpclient-send", "httpclient-async" -> javaHttpClient(uri, method, headers, client.endsWith("async"));
      case "apache4" -> apache4(uri, method, headers);
      case "apache5" -> apache5(uri, method, headers);
      case "okhttp" -> okHttp(uri, method, headers);
      default -> throw new IllegalArgumentException(client);
    };
  }

  private static byte[] urlConnection(URI uri, String method, Map<String, String> headers) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
    connection.setRequestMethod(method);
    headers.forEach(connection::setRequestProperty);
    // As SDK v2's url-connection-client does: the status first, then the body.
    int status = connection.getResponseCode();
    try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
      return in == null ? new byte[0] : in.readAllBytes();
    }
  }

  private static byte[] javaHttpClient(URI uri, String method, Map<String, String> headers, boolean async)
      throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody());
    headers.forEach(request::header);
    HttpResponse<byte[]> response = async
        ? client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray()).get()
        : client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    return response.body();
  }

  private static byte[] apache4(URI uri, String method, Map<String, String> headers) throws IOException {
    try (org.apache.http.impl.client.CloseableHttpClient client =
        org.apache.http.impl.client.HttpClients.createDefault()) {
      org.apache.http.client.methods.HttpRequestBase request = new org.apache.http.client.methods.HttpGet(uri);
      headers.forEach(request::setHeader);
      try (org.apache.http.client.methods.CloseableHttpResponse response = client.execute(request)) {
        return org.apache.http.util.EntityUtils.toByteArray(response.getEntity());
      }
    }
  }

  private static byte[] apache5(URI uri, String method, Map<String, String> headers) throws Exception {
    // No automatic retries: httpclient5 retries a 503 once, a second later, and each error is to be one call.
    try (org.apache.hc.client5.http.impl.classic.CloseableHttpClient client =
        org.apache.hc.client5.http.impl.classic.HttpClients.custom().disableAutomaticRetries().build()) {
      org.apache.hc.client5.http.classic.methods.HttpGet request =
          new org.apache.hc.client5.http.classic.methods.HttpGet(uri);
      headers.forEach(request::setHeader);
      return client.execute(request,
          response -> org.apache.hc.core5.http.io.entity.EntityUtils.toByteArray(response.getEntity()));
    }
  }

  private static byte[] okHttp(URI uri, String method, Map<String, String> headers) throws IOException {
    okhttp3.OkHttpClient client = new okhttp3.OkHttpClient();
    okhttp3.Request.Builder request = new okhttp3.Request.Builder().url(uri.toString());
    headers.forEach(request::header);
    try (okhttp3.Response response = client.newCall(request.build()).execute()) {
      byte[] body = response.body().bytes();
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
      return body;
    }
  }
}
