package io.credscope.demo.app;

import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpService;

/**
 * The HTTP client SDK v2's clients send their calls through: {@code --sdk-http}. Each is known by the name of its
 * service class, as the SDK knows its default: the application compiles against every SDK line, and
 * {@code apache5-client} exists only on the newer ones.
 */
enum SdkV2HttpClient {
  /** {@code apache-client}, on Apache HttpClient 4. */
  APACHE("apache", "software.amazon.awssdk.http.apache.ApacheSdkHttpService"),
  /** {@code url-connection-client}, on the JDK's {@code HttpURLConnection}. */
  URL_CONNECTION("url-connection", "software.amazon.awssdk.http.urlconnection.UrlConnectionSdkHttpService"),
  /** {@code apache5-client}, on Apache HttpClient 5: SDK v2 2.41 and later. */
  APACHE5("apache5", "software.amazon.awssdk.http.apache5.Apache5SdkHttpService"),
  /** {@code netty-nio-client}, which only the SDK's asynchronous clients use. */
  NETTY("netty", "software.amazon.awssdk.http.nio.netty.NettySdkAsyncHttpService") {
    @Override
    Workload workload(Endpoints endpoints, CredentialsMode mode, StaticKeys keys) {
      return new SdkV2AsyncWorkload(endpoints, mode, keys);
    }
  };

  private final String option;
  private final String service;

  SdkV2HttpClient(String option, String service) {
    this.option = option;
    this.service = service;
  }

  /** @throws IllegalArgumentException for an unknown option, or a client this SDK release does not have */
  static SdkV2HttpClient of(String option) {
    for (SdkV2HttpClient client : values()) {
      if (client.option.equals(option)) {
        client.load();
        return client;
      }
    }
    throw new IllegalArgumentException("unknown --sdk-http '" + option + "'; use apache, url-connection, apache5 "
        + "or netty");
  }

  /** The SDK's synchronous clients on this HTTP client. */
  Workload workload(Endpoints endpoints, CredentialsMode mode, StaticKeys keys) {
    return new SdkV2Workload(endpoints, mode, keys, this);
  }

  SdkHttpClient build() {
    try {
      return load().asSubclass(SdkHttpService.class).getConstructor().newInstance().createHttpClientBuilder()
          .build();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create SDK v2's " + option + " client", e);
    }
  }

  /** The class that {@code software.amazon.awssdk.http.service.impl} names to make this client the default. */
  String serviceClassName() {
    return service;
  }

  private Class<?> load() {
    try {
      return Class.forName(service, false, SdkV2HttpClient.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("--sdk-http " + option + " needs " + service + ", which AWS SDK for Java "
          + SdkV2Workload.release() + " does not have: it is not on the class path", e);
    }
  }
}
