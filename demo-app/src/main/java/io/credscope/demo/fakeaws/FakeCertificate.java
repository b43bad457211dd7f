package io.credscope.demo.fakeaws;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A TLS certificate for the AWS host names the fakes stand in for, made at run time by the JDK's
 * keytool, and a trust store that holds only it. A JVM given that trust store accepts the fakes as
 * sts.amazonaws.com and the rest, and trusts nothing else, so it cannot reach a real endpoint by
 * mistake. Made once per JVM: keytool takes about a second.
 */
public final class FakeCertificate {

  /** The hosts the certificate names: STS, global and regional, and IAM Identity Center's portal. */
  static final List<String> HOSTS =
      List.of("sts.amazonaws.com", "sts.us-east-1.amazonaws.com", "portal.sso.us-east-1.amazonaws.com");
  private static final String ALIAS = "fake-aws";

  private static FakeCertificate instance;

  private final Path trustStore;
  private final String password;
  private final SSLContext serverContext;

  private FakeCertificate(Path trustStore, String password, SSLContext serverContext) {
    this.trustStore = trustStore;
    this.password = password;
    this.serverContext = serverContext;
  }

  /** The one certificate of this JVM, made on first use. */
  public static synchronized FakeCertificate get() {
    if (instance == null) {
      instance = make();
    }
    return instance;
  }

  /** A PKCS12 trust store holding only this certificate, for {@code -Djavax.net.ssl.trustStore}. */
  public Path trustStore() {
    return trustStore;
  }

  /** The trust store's password; it guards no secret, but PKCS12 will not read its entries without one. */
  public String trustStorePassword() {
    return password;
  }

  /** TLS with this certificate's key, for the proxy's side of each tunnel. */
  SSLContext serverContext() {
    return serverContext;
  }

  private static FakeCertificate make() {
    try {
      Path folder = Files.createTempDirectory("credscope-fake-aws-tls");
      Path keyStore = folder.resolve("key.p12");
      Path trustStore = folder.resolve("trust.p12");
      for (Path path : List.of(folder, keyStore, trustStore)) {
        // Registered parent first: deleteOnExit deletes in reverse order.
        path.toFile().deleteOnExit();
      }
      byte[] random = new byte[16];
      new SecureRandom().nextBytes(random);
      String password = HexFormat.of().formatHex(random);
      keytool(keyStore, password);
      KeyStore keys = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(keyStore)) {
        keys.load(in, password.toCharArray());
      }
      KeyStore trusted = KeyStore.getInstance("PKCS12");
      trusted.load(null, null);
      trusted.setCertificateEntry(ALIAS, keys.getCertificate(ALIAS));
      try (OutputStream out = Files.newOutputStream(trustStore)) {
        trusted.store(out, password.toCharArray());
      }
      KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(keys, password.toCharArray());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers.getKeyManagers(), null, null);
      return new FakeCertificate(trustStore, password, context);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make the fake AWS certificate", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot make the fake AWS certificate", e);
    }
  }

  /** A key pair and a self-signed certificate naming every host of {@link #HOSTS}, valid for a week. */
  private static void keytool(Path keyStore, String password) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
        .toString(), "-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1",
        "-dname", "CN=" + HOSTS.get(0) + ", O=credscope fake AWS", "-validity", "7",
        "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", password, "-keypass", password));
    command.add("-ext");
    command.add("SAN=dns:" + String.join(",dns:", HOSTS));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IOException("keytool failed: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while keytool ran", e);
    }
  }
}
