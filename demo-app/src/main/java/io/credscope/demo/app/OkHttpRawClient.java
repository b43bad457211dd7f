package io.credscope.demo.app;

import java.io.IOException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * OkHttp 4, with {@code newCall(request).execute()}. Beware: OkHttp itself repeats a call once when
 * the answer is a 503 with {@code Retry-After: 0}; it retries no other status.
 */
final class OkHttpRawClient implements RawClient {

  private final OkHttpClient http = new OkHttpClient();

  @Override
  public String name() {
    return "okhttp";
  }

  @Override
  public RawResponse send(RawRequest request) throws IOException {
    Request.Builder message = new Request.Builder().url(request.uri().toString());
    request.headers().forEach(message::header);
    // No media type on the body: OkHttp would put its own Content-Type in place of the signed one.
    message.method(request.method(), request.sendsBody() ? RequestBody.create(request.body(), null) : null);
    try (Response response = http.newCall(message.build()).execute()) {
      ResponseBody body = response.body();
      return new RawResponse(response.code(), body == null ? "" : body.string());
    }
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
