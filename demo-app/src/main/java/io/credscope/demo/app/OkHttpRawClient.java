package io.credscope.demo.app;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSink;

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
    message.method(request.method(), !request.sendsBody() ? null
        : request.streamed() ? oneShot(request.body()) : RequestBody.create(request.body(), null));
    Call call = http.newCall(message.build());
    if (request.timeout() != null) {
      call.timeout().timeout(request.timeout().toMillis(), TimeUnit.MILLISECONDS);
    }
    try (Response response = call.execute()) {
      ResponseBody body = response.body();
      return new RawResponse(response.code(), body == null ? "" : body.string());
    }
  }

  /** A body OkHttp may write once only, as one read from a stream is. */
  private static RequestBody oneShot(byte[] bytes) {
    return new RequestBody() {
      @Override
      public MediaType contentType() {
        return null;
      }

      @Override
      public long contentLength() {
        return bytes.length;
      }

      @Override
      public boolean isOneShot() {
        return true;
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        sink.write(bytes);
      }
    };
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
