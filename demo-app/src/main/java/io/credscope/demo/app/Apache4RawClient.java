package io.credscope.demo.app;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.client.methods.HttpRequestBase;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.InputStreamEntity;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.util.EntityUtils;

/** Apache HttpClient 4, as {@code HttpClients.createDefault()} builds it: it retries no HTTP status. */
final class Apache4RawClient implements RawClient {

  private final CloseableHttpClient http = HttpClients.createDefault();

  @Override
  public String name() {
    return "apache4";
  }

  @Override
  public RawResponse send(RawRequest request) throws IOException {
    HttpRequestBase message;
    if (request.sendsBody()) {
      HttpPost post = new HttpPost(request.uri());
      // No content type on the entity: the signed Content-Type header must go out exactly as signed.
      post.setEntity(request.streamed()
          ? new InputStreamEntity(new ByteArrayInputStream(request.body()), request.body().length)
          : new ByteArrayEntity(request.body()));
      message = post;
    } else {
      message = new HttpGet(request.uri());
    }
    request.headers().forEach(message::setHeader);
    try (CloseableHttpResponse response = http.execute(message)) {
      String body = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
      return new RawResponse(response.getStatusLine().getStatusCode(), body);
    }
  }

  @Override
  public void close() throws IOException {
    http.close();
  }
}
