package io.credscope.it.apps;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Runs inside an OSGi bundle that embeds OkHttp 3.14 on its own {@code Bundle-ClassPath}, so OkHttp's classes are
 * the bundle loader's: at its start, signed POSTs to the test's server, each answer's status and length printed.
 * Only API that OkHttp 3 and 4 share, since it is compiled against 4. The signature is never checked.
 */
public final class BundleCallsActivator implements BundleActivator {

  static final String BASE_URL = "credscope.it.bundle.base";
  static final String KEY_ID = "credscope.it.bundle.key";
  static final String CALLS = "credscope.it.bundle.calls";

  @Override
  public void start(BundleContext context) throws Exception {
    String authorization = "AWS4-HMAC-SHA256 Credential=" + System.getProperty(KEY_ID)
        + "/20261208/eu-west-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, "
        + "Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b";
    okhttp3.OkHttpClient client = new okhttp3.OkHttpClient();
    int calls = Integer.parseInt(System.getProperty(CALLS));
    for (int i = 0; i < calls; i++) {
      okhttp3.Request request = new okhttp3.Request.Builder().url(System.getProperty(BASE_URL) + "/call")
          .header("Authorization", authorization).header("X-Amz-Date", "20261208T000000Z")
          .header("X-Amz-Target", "DynamoDB_20120810.GetItem")
          .post(okhttp3.RequestBody.create((okhttp3.MediaType) null, "{\"TableName\":\"t\"}")).build();
      try (okhttp3.Response response = client.newCall(request).execute()) {
        System.out.println("bundle okhttp " + response.code() + " " + response.body().bytes().length);
      }
    }
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }

  @Override
  public void stop(BundleContext context) {
  }
}
