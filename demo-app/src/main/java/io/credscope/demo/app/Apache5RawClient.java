package io.credscope.demo.app;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/** Apache HttpClient 5, classic (blocking) API. */
final class Apache5RawClient implements RawClient {

  /**
   * Without automatic retries: by default HttpClient 5 itself retries a 429 or 503 once, whatever
   * the method, after a second or the Retry-After, so S3's and EC2's throttling would never reach
   * the application on the first try.
   */
  private final CloseableHttpClient http = HttpClients.custom().disableAutomaticRetries().build();

  @Override
  public String name() {
    return "apache5";
  }

  @Override
  public RawResponse send(RawRequest request) throws IOException {
    HttpUriRequestBase message;
    if (request.sendsBody()) {
      message = new HttpPost(request.uri());
      // No content type on the entity: the signed Content-Type header must go out exactly as signed.
      message.setEntity(request.streamed()
          ? new InputStreamEntity(new ByteArrayInputStream(request.body()), request.body().length, null)
          : new ByteArrayEntity(request.body(), null));
    } else {
      message = new HttpGet(request.uri());
    }
    request.headers().forEach(message::setHeader);
    return http.execute(message, response -> new RawResponse(response.getCode(),
        response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8)));
  }

  @Override
  public void close() throws IOException {
    http.close();
  }
}
