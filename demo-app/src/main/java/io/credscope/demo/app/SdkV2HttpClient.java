package io.credscope.demo.app;

import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpService;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.apache.ApacheSdkHttpService;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionSdkHttpService;

/** The HTTP client SDK v2's clients send their calls through: {@code --sdk-http}. */
enum SdkV2HttpClient {
  /** {@code apache-client}, on Apache HttpClient 4. */
  APACHE("apache", ApacheSdkHttpService.class) {
    @Override
    SdkHttpClient build() {
      return ApacheHttpClient.builder().build();
    }
  },
  /** {@code url-connection-client}, on the JDK's {@code HttpURLConnection}. */
  URL_CONNECTION("url-connection", UrlConnectionSdkHttpService.class) {
    @Override
    SdkHttpClient build() {
      return UrlConnectionHttpClient.builder().build();
    }
  };

  private final String option;
  private final Class<? extends SdkHttpService> service;

  SdkV2HttpClient(String option, Class<? extends SdkHttpService> service) {
    this.option = option;
    this.service = service;
  }

  static SdkV2HttpClient of(String option) {
    for (SdkV2HttpClient client : values()) {
      if (client.option.equals(option)) {
        return client;
      }
    }
    throw new IllegalArgumentException("unknown --sdk-http '" + option + "'; use apache or url-connection");
  }

  abstract SdkHttpClient build();

  /** The class that {@code software.amazon.awssdk.http.service.impl} names to make this client the default. */
  String serviceClassName() {
    return service.getName();
  }
}
