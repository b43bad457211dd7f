package io.credscope.demo;

import io.credscope.demo.fakeaws.DemoKeys;
import io.credscope.demo.fakeaws.FakeAws;
import io.credscope.demo.fakeaws.FakeCertificate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command that starts the application JVM of one scenario: which java, the agent and its
 * arguments, and an environment made from scratch for AWS, so that nothing from the host's own
 * AWS set-up (variables, ~/.aws) leaks into a scenario. The demo and the end-to-end tests share it.
 */
public final class AppLaunch {

  public static final String APP_MAIN = "io.credscope.demo.app.DemoApp";

  private final Scenario scenario;
  private final FakeAws aws;
  private final Path workDirectory;
  private final Map<String, String> environment = new LinkedHashMap<>();
  private final Map<String, String> systemProperties = new LinkedHashMap<>();
  private final List<String> jvmOptions = new ArrayList<>();
  private final List<DemoKeys> secrets = new ArrayList<>();
  private String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
  private String classPath;
  private Path agentJar;
  private String agentArguments = "";
  private int calls = 3;
  private String sdks = "v2";
  private String credentials = "default";
  private String sdkHttp;
  private boolean legacyMetadata;
  private String rawClients;
  private String rawService;
  private int concurrency;
  private long rawSignedAgoSeconds;
  private long rawTimeoutMillis = -1;
  private boolean streamedBodies;
  private String untilStopped;
  private boolean linger;

  public AppLaunch(Scenario scenario, FakeAws aws, Path workDirectory) throws IOException {
    this.scenario = scenario;
    this.aws = aws;
    this.workDirectory = Files.createDirectories(workDirectory);
    System.getenv().forEach((name, value) -> {
      if (!name.startsWith("AWS_") && !name.startsWith("CREDSCOPE_")) {
        environment.put(name, value);
      }
    });
    environment.put("AWS_REGION", "us-east-1");
    // Empty files of the scenario's own: the host's ~/.aws must not take part. (Missing files would
    // do for SDK v2, but SDK v1 logs a stack trace for each.)
    environment.put("AWS_CONFIG_FILE", emptyFile(workDirectory.resolve("aws-config")).toString());
    environment.put("AWS_SHARED_CREDENTIALS_FILE", emptyFile(workDirectory.resolve("aws-credentials")).toString());
    // SDK v1's name for the same file.
    environment.put("AWS_CREDENTIAL_PROFILES_FILE", workDirectory.resolve("aws-credentials").toString());
    systemProperties.put("aws.ec2MetadataServiceEndpoint", aws.imds().endpoint().toString());
    systemProperties.put("com.amazonaws.sdk.ec2MetadataServiceEndpointOverride", aws.imds().endpoint().toString());
    // SDK v1's end-of-support notice would bury the scenario's output.
    systemProperties.put("aws.java.v1.disableDeprecationAnnouncement", "true");
    secrets.add(aws.imds().roleKeys());
    secrets.add(aws.container().roleKeys());
    scenario.prepare(this, aws);
  }

  private static Path emptyFile(Path file) throws IOException {
    Files.write(file, new byte[0]);
    return file;
  }

  public AppLaunch environment(String name, String value) {
    environment.put(name, value);
    return this;
  }

  public AppLaunch systemProperty(String name, String value) {
    systemProperties.put(name, value);
    return this;
  }

  /** Remembers key material the scenario hands to the application, for leak checks. */
  public AppLaunch secret(DemoKeys keys) {
    secrets.add(keys);
    return this;
  }

  /** A JVM option such as {@code -XX:+DisableAttachMechanism}, before the application's own arguments. */
  public AppLaunch jvmOption(String option) {
    jvmOptions.add(option);
    return this;
  }

  public AppLaunch java(String executable) {
    this.java = executable;
    return this;
  }

  public AppLaunch classPath(String path) {
    this.classPath = path;
    return this;
  }

  /** @param jar the agent jar, or {@code null} to run the application without credscope */
  public AppLaunch agent(Path jar, String arguments) {
    this.agentJar = jar;
    this.agentArguments = arguments == null ? "" : arguments;
    return this;
  }

  /** @param list which SDKs the application uses, in order: {@code v2}, {@code v1}, {@code v2,v1}, or {@code none} */
  public AppLaunch sdks(String list) {
    this.sdks = list;
    return this;
  }

  /**
   * @param mode {@code default} (each SDK's chain), {@code static} (keys built into the clients in code) or
   *     {@code custom} (the application's own provider class)
   */
  public AppLaunch credentials(String mode) {
    this.credentials = mode;
    return this;
  }

  /** @param client the HTTP client of SDK v2's clients: {@code apache} (without this call) or {@code url-connection} */
  public AppLaunch sdkHttp(String client) {
    this.sdkHttp = client;
    return this;
  }

  /** Writes a file into the scenario's folder, readable by its owner only, and returns its path. */
  public Path privateFile(String name, String content) throws IOException {
    Path file = workDirectory.resolve(name);
    Files.writeString(file, content);
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // The scenario still works; only its file mode differs.
    }
    return file;
  }

  /** Writes the scenario's config file ({@code AWS_CONFIG_FILE}). */
  public AppLaunch configFile(String content) throws IOException {
    privateFile("aws-config", content);
    return this;
  }

  /** Writes the scenario's credentials file ({@code AWS_SHARED_CREDENTIALS_FILE}), readable by its owner only. */
  public AppLaunch credentialsFile(String content) throws IOException {
    privateFile("aws-credentials", content);
    return this;
  }

  /** Makes the application read instance metadata the old way too: a GET without a session token (IMDSv1). */
  public AppLaunch legacyMetadata() {
    this.legacyMetadata = true;
    return this;
  }

  /**
   * Sends the calls the SDKs make to AWS host names (the STS and SSO clients they build for
   * themselves) through a proxy on 127.0.0.1 at this port, and trusts the fakes' certificate only.
   * SDK v2's Apache client reads {@code http.proxyHost}, whatever the target's scheme: 2.17 does
   * when no proxy scheme is set, later releases default that scheme to http. SDK v1 reads
   * {@code https.proxyHost}, its clients' protocol being HTTPS. Both leave the hosts of
   * {@code http.nonProxyHosts} alone, so the other fakes are still called directly.
   */
  public AppLaunch awsHostsThrough(int proxyPort) {
    for (String scheme : List.of("http", "https")) {
      systemProperties.put(scheme + ".proxyHost", "127.0.0.1");
      systemProperties.put(scheme + ".proxyPort", Integer.toString(proxyPort));
    }
    systemProperties.put("http.nonProxyHosts", "localhost|127.*");
    FakeCertificate certificate = FakeCertificate.get();
    systemProperties.put("javax.net.ssl.trustStore", certificate.trustStore().toString());
    systemProperties.put("javax.net.ssl.trustStorePassword", certificate.trustStorePassword());
    systemProperties.put("javax.net.ssl.trustStoreType", "PKCS12");
    return this;
  }

  /**
   * Signs a user in to IAM Identity Center as {@code aws sso login} does: writes the access token to
   * the SSO token cache of a home folder of the scenario's own, {@code ~/.aws/sso/cache/}, under the
   * SHA-1 of {@code cacheKey} (the sso-session's name, or the start URL of a legacy SSO profile).
   */
  public AppLaunch ssoLogin(String cacheKey, String startUrl, String accessToken) throws IOException {
    Path home = workDirectory.resolve("home");
    Path cache = Files.createDirectories(home.resolve(".aws").resolve("sso").resolve("cache"));
    String expiresAt = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).toString();
    privateFile(workDirectory.relativize(cache.resolve(sha1Hex(cacheKey) + ".json")).toString(),
        "{\"startUrl\": \"" + startUrl + "\", \"region\": \"us-east-1\", \"accessToken\": \"" + accessToken
            + "\", \"expiresAt\": \"" + expiresAt + "\"}\n");
    // The SDK finds ~ in HOME before user.home, as the AWS CLI does.
    environment.put("HOME", home.toString());
    return this;
  }

  private static String sha1Hex(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-1", e);
    }
  }

  /** Points both SDKs, and credscope's probe, at another instance metadata endpoint. */
  public AppLaunch imdsEndpoint(String endpoint) {
    systemProperties.put("aws.ec2MetadataServiceEndpoint", endpoint);
    systemProperties.put("com.amazonaws.sdk.ec2MetadataServiceEndpointOverride", endpoint);
    return this;
  }

  /** @param count how many rounds of SDK calls, and how many hand-signed calls each raw client makes in a row */
  public AppLaunch calls(int count) {
    this.calls = count;
    return this;
  }

  /**
   * Makes the application call {@code service} itself, signing each request by hand with the keys of
   * its properties file ({@code DEMO_CREDENTIALS_FILE}), through each of these HTTP clients in turn.
   *
   * @param clients {@code jdk-send}, {@code jdk-async}, {@code apache4}, {@code apache5}, {@code okhttp},
   *     {@code urlconnection}, or several of them separated by commas
   * @param service {@code dynamodb}, {@code sts}, {@code s3} or {@code ec2}
   */
  public AppLaunch raw(String clients, String service) {
    this.rawClients = clients;
    this.rawService = service;
    return this;
  }

  /** Makes each raw client send its request bodies from a stream it can read once. */
  public AppLaunch streamedBodies() {
    this.streamedBodies = true;
    return this;
  }

  /**
   * Makes the application call round after round until {@code stop} (a file's path) exists, or, with
   * {@code stdin}, until its standard input ends: a JVM to attach to.
   */
  public AppLaunch untilStopped(String stop) {
    this.untilStopped = stop;
    return this;
  }

  /** Makes each raw client start {@code count} calls at once instead of making them one after another. */
  public AppLaunch concurrency(int count) {
    this.concurrency = count;
    return this;
  }

  /** Makes each raw request carry a signature this many seconds old when it is sent, as a queued request does. */
  public AppLaunch rawSignedAgo(long seconds) {
    this.rawSignedAgoSeconds = seconds;
    return this;
  }

  /** Bounds each raw call as its client lets an application: a call timeout, a request timeout, or a watchdog. */
  public AppLaunch rawTimeout(long millis) {
    this.rawTimeoutMillis = millis;
    return this;
  }

  /** Keeps the application alive after its work, until its standard input closes. */
  public AppLaunch linger() {
    this.linger = true;
    return this;
  }

  public Scenario scenario() {
    return scenario;
  }

  public Path workDirectory() {
    return workDirectory;
  }

  /**
   * Every secret key, session token and SSO access token the application could see in this scenario,
   * STS's and the SSO portal's included.
   */
  public List<String> secretValues() {
    List<String> values = new ArrayList<>();
    List<DemoKeys> all = new ArrayList<>(secrets);
    all.addAll(aws.sts().issuedKeys());
    all.addAll(aws.sso().issuedKeys());
    values.add(aws.sso().accessToken());
    for (DemoKeys keys : all) {
      values.add(keys.secretAccessKey());
      if (keys.sessionToken() != null) {
        values.add(keys.sessionToken());
      }
    }
    return Collections.unmodifiableList(values);
  }

  public List<String> command() {
    if (classPath == null) {
      throw new IllegalStateException("the application's class path is not set");
    }
    List<String> command = new ArrayList<>();
    command.add(java);
    if (agentJar != null) {
      command.add("-javaagent:" + agentJar + (agentArguments.isEmpty() ? "" : "=" + agentArguments));
    }
    command.addAll(jvmOptions);
    systemProperties.forEach((name, value) -> command.add("-D" + name + "=" + value));
    command.add("-cp");
    command.add(classPath);
    command.add(APP_MAIN);
    command.add("--sts");
    command.add(aws.sts().endpoint().toString());
    command.add("--s3");
    command.add(aws.s3().endpoint().toString());
    command.add("--dynamodb");
    command.add(aws.dynamoDb().endpoint().toString());
    command.add("--ec2");
    command.add(aws.ec2().endpoint().toString());
    command.add("--calls");
    command.add(Integer.toString(calls));
    command.add("--sdk");
    command.add(sdks);
    command.add("--credentials");
    command.add(credentials);
    if (sdkHttp != null) {
      command.addAll(List.of("--sdk-http", sdkHttp));
    }
    if (legacyMetadata) {
      command.add("--legacy-metadata");
      command.add(aws.imds().endpoint().toString());
    }
    if (untilStopped != null) {
      command.addAll(List.of("--until-stopped", untilStopped));
    }
    if (linger) {
      command.addAll(List.of("--linger", "stdin"));
    }
    if (rawClients != null) {
      command.addAll(List.of("--raw", rawClients, "--raw-service", rawService));
      if (streamedBodies) {
        command.addAll(List.of("--raw-body", "stream"));
      }
      if (rawSignedAgoSeconds > 0) {
        command.addAll(List.of("--raw-signed-ago", Long.toString(rawSignedAgoSeconds)));
      }
      if (rawTimeoutMillis >= 0) {
        command.addAll(List.of("--raw-timeout", Long.toString(rawTimeoutMillis)));
      }
      if (concurrency > 0) {
        command.addAll(List.of("--concurrency", Integer.toString(concurrency)));
      }
    }
    return command;
  }

  /**
   * {@code java -jar credscope-agent.jar doctor ...} on this scenario's host: the same environment,
   * files, working directory and system properties as the application, so that the doctor sees
   * what the application's default chains see.
   */
  public ProcessBuilder doctorProcessBuilder(Path agentJar, String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(java);
    systemProperties.forEach((name, value) -> command.add("-D" + name + "=" + value));
    command.add("-jar");
    command.add(agentJar.toString());
    command.add("doctor");
    command.addAll(List.of(arguments));
    return onThisHost(command);
  }

  public ProcessBuilder processBuilder() {
    return onThisHost(command());
  }

  private ProcessBuilder onThisHost(List<String> command) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDirectory.toFile());
    builder.environment().clear();
    builder.environment().putAll(environment);
    return builder;
  }
}
