package io.credscope.it.apps;

import java.net.Socket;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A host application for the linkage tests, on whatever library version the class path gives it: with
 * {@code okhttp}, signed POSTs through OkHttp (only API that OkHttp 3, 4 and 5 share), the first of them to a path
 * the server throttles once; with {@code httpcore}, signed GETs through httpcore's own {@code HttpRequestExecutor}
 * on one connection, as an application with httpcore and no httpclient makes them. Prints each answer's status and
 * length. The signature is never checked: only the identity in the {@code Authorization} header is read.
 *
 * <pre>LinkageApp okhttp|httpcore BASE_URL KEY_ID CALLS</pre>
 */
public final class LinkageApp {

  private LinkageApp() {
  }

  public static void main(String[] args) throws Exception {
    URI base = URI.create(args[1]);
    String authorization = "AWS4-HMAC-SHA256 Credential=" + args[2] + "/20261208/eu-west-1/dynamodb/aws4_request, "
        + "SignedHeaders=host;x-amz-date;x-amz-target, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b";
    int calls = Integer.parseInt(args[3]);
    // Each client in a class of its own: verifying one must not load the other's library.
    if (args[0].equals("okhttp")) {
      OkHttpCalls.run(base, authorization, calls);
    } else {
      HttpCoreCalls.run(base, authorization, calls);
    }
  }

  /** The time of a request signed now: credscope never sends again a request whose signature has expired. */
  static String signedNow() {
    return DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now());
  }

  private static final class OkHttpCalls {
    static void run(URI base, String authorization, int calls) throws Exception {
      okhttp3.OkHttpClient client = new okhttp3.OkHttpClient();
      for (int i = 0; i < calls; i++) {
        okhttp3.Request request = new okhttp3.Request.Builder()
            .url(base.resolve(i == 0 ? "/throttle-once" : "/call").toString())
            .header("Authorization", authorization).header("X-Amz-Date", signedNow())
            .header("X-Amz-Target", "DynamoDB_20120810.GetItem")
            .post(okhttp3.RequestBody.create((okhttp3.MediaType) null, "{\"TableName\":\"t\"}")).build();
        try (okhttp3.Response response = client.newCall(request).execute()) {
          System.out.println("okhttp " + response.code() + " " + response.body().bytes().length);
        }
      }
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }

  private static final class HttpCoreCalls {
    static void run(URI base, String authorization, int calls) throws Exception {
      org.apache.http.protocol.HttpRequestExecutor executor = new org.apache.http.protocol.HttpRequestExecutor();
      try (Socket socket = new Socket(base.getHost(), base.getPort())) {
        org.apache.http.impl.DefaultBHttpClientConnection connection =
            new org.apache.http.impl.DefaultBHttpClientConnection(8192);
        connection.bind(socket);
        for (int i = 0; i < calls; i++) {
          org.apache.http.message.BasicHttpRequest request =
              new org.apache.http.message.BasicHttpRequest("GET", "/call?Action=ListTables");
          request.setHeader("Host", base.getHost() + ":" + base.getPort());
          request.setHeader("Authorization", authorization);
          request.setHeader("X-Amz-Date", "20261208T000000Z");
          org.apache.http.protocol.BasicHttpContext context = new org.apache.http.protocol.BasicHttpContext();
          context.setAttribute("http.target_host", new org.apache.http.HttpHost(base.getHost(), base.getPort()));
          org.apache.http.HttpResponse response = executor.execute(request, connection, context);
          System.out.println("httpcore " + response.getStatusLine().getStatusCode() + " "
              + org.apache.http.util.EntityUtils.toByteArray(response.getEntity()).length);
        }
        connection.close();
      }
    }
  }
}

