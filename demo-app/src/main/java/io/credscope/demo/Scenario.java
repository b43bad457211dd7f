package io.credscope.demo;

import io.credscope.demo.app.HardcodedCredentials;
import io.credscope.demo.fakeaws.DemoKeys;
import io.credscope.demo.fakeaws.FakeAws;
import io.credscope.demo.fakeaws.Identities;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** A credentials set-up the demo can reproduce, and what it gives the application JVM. */
public enum Scenario {

  ROLE_ONLY("clean: the EC2 instance role supplies the credentials, nothing else is configured") {
    @Override
    void prepare(AppLaunch launch, FakeAws aws) {
      // IMDS is all there is.
    }
  },

  ENV_SHADOWS_ROLE("stale AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY in the environment silently win over "
      + "the instance role") {
    @Override
    void prepare(AppLaunch launch, FakeAws aws) {
      DemoKeys stale = aws.createUserKey("stale-deploy-user");
      launch.environment("AWS_ACCESS_KEY_ID", stale.accessKeyId())
          .environment("AWS_SECRET_ACCESS_KEY", stale.secretAccessKey())
          .secret(stale);
    }
  },

  SYSPROPS_AND_ENV("keys in both system properties and the environment: SDK v2 takes the system properties, SDK v1 "
      + "the environment, because their chains ask in opposite orders") {
    @Override
    void prepare(AppLaunch launch, FakeAws aws) {
      DemoKeys environment = aws.createUserKey("env-user");
      DemoKeys properties = aws.createUserKey("sysprops-user");
      launch.environment("AWS_ACCESS_KEY_ID", environment.accessKeyId())
          .environment("AWS_SECRET_ACCESS_KEY", environment.secretAccessKey())
          .systemProperty("aws.accessKeyId", properties.accessKeyId())
          // v2 reads aws.secretAccessKey, v1 aws.secretKey.
          .systemProperty("aws.secretAccessKey", properties.secretAccessKey())
          .systemProperty("aws.secretKey", properties.secretAccessKey())
          .secret(environment).secret(properties);
    }
  },

  PROFILE_STATIC("static keys in the default profile of the shared credentials file") {
    @Override
    void prepare(AppLaunch launch, FakeAws aws) throws IOException {
      DemoKeys keys = aws.createUserKey("profile-user");
      launch.credentialsFile("[default]\naws_access_key_id = " + keys.accessKeyId() + "\naws_secret_access_key = "
          + keys.secretAccessKey() + "\n").secret(keys);
    }
  },

  NAMED_PROFILE("AWS_PROFILE=staging picks a named profile over the default one in the same file") {
    @Override
    void prepare(AppLaunch launch, FakeAws aws) throws IOException {
      DemoKeys decoy = aws.createUserKey("default-user");
      DemoKeys staging = aws.createUserKey("staging-user");
      launch.credentialsFile("[default]\naws_access_key_id = " + decoy.accessKeyId() + "\naws_secret_access_key = "
              + decoy.secretAccessKey() + "\n\n[staging]\naws_access_key_id = " + staging.accessKeyId()
              + "\naws_secret_access_key = " + staging.secretAccessKey() + "\n")
          .environment("AWS_PROFILE", "staging").secret(decoy).secret(staging);
    }
  },

  ASSUME_ROLE_PROFILE("AWS_PROFILE=production, a profile that assumes ProdAccountRoleName through source_profile="
      + "default at STS; it is in the credentials file, the only one SDK v1 reads it from") {
    @Override
    void prepare(AppLaunch launch, FakeAws aws) throws IOException {
      DemoKeys source = aws.createUserKey("default-user");
      launch.credentialsFile("[default]\naws_access_key_id = " + source.accessKeyId() + "\naws_secret_access_key = "
              + source.secretAccessKey() + "\n\n[production]\nrole_arn = arn:aws:iam::" + Identities.ACCOUNT
              + ":role/" + PRODUCTION_ROLE + "\nsource_profile = default\n")
          .environment("AWS_PROFILE", "production")
          .awsHostsThrough(aws.proxy().port()).secret(source);
    }
  },

  PROCESS_PROFILE("the default profile runs credential_process, a command that prints session credentials; it "
      + "is in the credentials file, the only one SDK v1 reads it from") {
    @Override
    void prepare(AppLaunch launch, FakeAws aws) throws IOException {
      DemoKeys keys = aws.createRoleSession(PROCESS_ROLE);
      Path command = launch.privateFile("credential-process.sh", "#!/bin/sh\necho '{\"Version\": 1, \"AccessKeyId\": \""
          + keys.accessKeyId() + "\", \"SecretAccessKey\": \"" + keys.secretAccessKey() + "\", \"SessionToken\": \""
          + keys.sessionToken() + "\", \"Expiration\": \"" + Instant.now().plus(Duration.ofHours(1))
          .truncatedTo(ChronoUnit.SECONDS) + "\"}'\n");
      Files.setPosixFilePermissions(command, PosixFilePermissions.fromString("rwx------"));
      launch.credentialsFile("[default]\ncredential_process = " + command + "\n").secret(keys);
    }
  },

  CONTAINER("an ECS/EKS task: AWS_CONTAINER_CREDENTIALS_FULL_URI with an authorization token") {
    @Override
    void prepare(AppLaunch launch, FakeAws aws) {
      launch.environment("AWS_CONTAINER_CREDENTIALS_FULL_URI", aws.container().fullUri())
          .environment("AWS_CONTAINER_AUTHORIZATION_TOKEN", FakeAws.CONTAINER_AUTHORIZATION_TOKEN);
    }
  },

  CONTAINER_NO_TOKEN("a container credentials endpoint that asks for no authorization token") {
    @Override
    void prepare(AppLaunch launch, FakeAws aws) {
      launch.environment("AWS_CONTAINER_CREDENTIALS_FULL_URI", aws.container().openFullUri());
    }
  },

  STATIC_IN_CODE("keys the application reads from a properties file at run time and builds into its clients in "
      + "code, on a host with an instance role: static credentials from code, not literals") {
    @Override
    void prepare(AppLaunch launch, FakeAws aws) throws IOException {
      DemoKeys keys = aws.createUserKey("app-config-user");
      launch.credentials("static").environment("DEMO_CREDENTIALS_FILE", appProperties(launch, keys)).secret(keys);
    }
  },

  WEB_IDENTITY("an EKS pod with IRSA: a web identity token file and a role, exchanged at STS") {
    @Override
    void prepare(AppLaunch launch, FakeAws aws) throws IOException {
      webIdentity(launch).awsHostsThrough(aws.proxy().port());
    }
  },

  WEB_IDENTITY_STS_UNREACHABLE("an EKS pod with IRSA whose network refuses connections to STS, and no other "
      + "credentials: web identity is configured, yet every chain fails, and credscope says why") {
    @Override
    void prepare(AppLaunch launch, FakeAws aws) throws IOException {
      webIdentity(launch).awsHostsThrough(aws.refusing().port()).environment("AWS_EC2_METADATA_DISABLED", "true");
    }
  },

  SSO_PROFILE("on a laptop, AWS_PROFILE=developer signs in through IAM Identity Center: an sso-session profile, "
      + "and the access token aws sso login cached (SDK v2 only: v1 has no SSO provider)", "v2") {
    @Override
    void prepare(AppLaunch launch, FakeAws aws) throws IOException {
      launch.configFile("[profile developer]\nsso_session = " + SSO_SESSION + "\nsso_account_id = "
              + Identities.ACCOUNT + "\nsso_role_name = " + SSO_ROLE + "\n\n[sso-session " + SSO_SESSION
              + "]\nsso_start_url = " + SSO_START_URL + "\nsso_region = us-east-1\n"
              + "sso_registration_scopes = sso:account:access\n")
          .ssoLogin(SSO_SESSION, SSO_START_URL, aws.sso().accessToken());
      onLaptopWithSso(launch, aws);
    }
  },

  SSO_LEGACY_PROFILE("the same sign-in with the older SSO profile format, the start URL in the profile itself "
      + "(SDK v2 only)", "v2") {
    @Override
    void prepare(AppLaunch launch, FakeAws aws) throws IOException {
      launch.configFile("[profile developer]\nsso_start_url = " + SSO_START_URL + "\nsso_region = us-east-1\n"
              + "sso_account_id = " + Identities.ACCOUNT + "\nsso_role_name = " + SSO_ROLE + "\n")
          .ssoLogin(SSO_START_URL, SSO_START_URL, aws.sso().accessToken());
      onLaptopWithSso(launch, aws);
    }
  },

  CUSTOM_PROVIDER("the application's own credentials provider class, around its secret store") {
    @Override
    void prepare(AppLaunch launch, FakeAws aws) {
      DemoKeys keys = aws.createUserKey("vault-user");
      launch.credentials("custom").environment("DEMO_ACCESS_KEY_ID", keys.accessKeyId())
          .environment("DEMO_SECRET_ACCESS_KEY", keys.secretAccessKey()).secret(keys);
    }
  },

  NOTHING_CONFIGURED("no credentials anywhere and IMDS switched off: every provider of the chain fails, and "
      + "credscope says why each one did") {
    @Override
    void prepare(AppLaunch launch, FakeAws aws) {
      launch.environment("AWS_EC2_METADATA_DISABLED", "true");
    }
  },

  SYSPROPS_SHADOW_CONTAINER("keys in -Daws.accessKeyId win over the ECS task role the container offers") {
    @Override
    void prepare(AppLaunch launch, FakeAws aws) {
      DemoKeys keys = aws.createUserKey("sysprops-user");
      launch.environment("AWS_CONTAINER_CREDENTIALS_FULL_URI", aws.container().fullUri())
          .environment("AWS_CONTAINER_AUTHORIZATION_TOKEN", FakeAws.CONTAINER_AUTHORIZATION_TOKEN)
          .systemProperty("aws.accessKeyId", keys.accessKeyId())
          .systemProperty("aws.secretAccessKey", keys.secretAccessKey())
          .systemProperty("aws.secretKey", keys.secretAccessKey()).secret(keys);
    }
  },

  PROFILE_SHADOWS_WEB_IDENTITY("an EKS pod with IRSA whose application asks the profile provider itself, and gets "
      + "static keys from a profile instead of the pod's role") {
    @Override
    void prepare(AppLaunch launch, FakeAws aws) throws IOException {
      DemoKeys keys = aws.createUserKey("profile-user");
      launch.credentials("profile").credentialsFile("[default]\naws_access_key_id = " + keys.accessKeyId()
              + "\naws_secret_access_key = " + keys.secretAccessKey() + "\n")
          .environment("AWS_WEB_IDENTITY_TOKEN_FILE",
              launch.privateFile("web-identity-token", "eyJhbGciOiJSUzI1NiJ9.fake-service-account-token").toString())
          .environment("AWS_ROLE_ARN", "arn:aws:iam::" + Identities.ACCOUNT + ":role/" + WEB_IDENTITY_ROLE)
          .environment("AWS_EC2_METADATA_DISABLED", "true").secret(keys);
    }
  },

  HARDCODED_LITERAL("an access key written into the application's code, on a host with an instance role") {
    @Override
    void prepare(AppLaunch launch, FakeAws aws) {
      launch.credentials("literal").secret(aws.registerUserKey("hardcoded-user", HardcodedCredentials.ACCESS_KEY_ID,
          HardcodedCredentials.SECRET_ACCESS_KEY));
    }
  },

  TWO_KEYS("on a laptop, the S3 client gets keys from the application's properties file, the other clients the "
      + "environment's: two identities in one JVM") {
    @Override
    void prepare(AppLaunch launch, FakeAws aws) throws IOException {
      DemoKeys environment = aws.createUserKey("env-user");
      DemoKeys properties = aws.createUserKey("app-config-user");
      launch.credentials("mixed").environment("DEMO_CREDENTIALS_FILE", appProperties(launch, properties))
          .environment("AWS_ACCESS_KEY_ID", environment.accessKeyId())
          .environment("AWS_SECRET_ACCESS_KEY", environment.secretAccessKey())
          .environment("AWS_EC2_METADATA_DISABLED", "true").secret(environment).secret(properties);
    }
  },

  WORLD_READABLE_CREDENTIALS("on a laptop, static keys in a credentials file that every user of the machine can "
      + "read") {
    @Override
    void prepare(AppLaunch launch, FakeAws aws) throws IOException {
      DemoKeys keys = aws.createUserKey("profile-user");
      Path file = launch.workDirectory().resolve("aws-credentials");
      Files.writeString(file, "[default]\naws_access_key_id = " + keys.accessKeyId() + "\naws_secret_access_key = "
          + keys.secretAccessKey() + "\n");
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
      launch.environment("AWS_EC2_METADATA_DISABLED", "true").secret(keys);
    }
  },

  IMDSV1("an old-style client reads instance metadata with a plain HttpURLConnection GET and no session token "
      + "(IMDSv1), on an instance that still allows it; the SDKs use the instance role through IMDSv2") {
    @Override
    void prepare(AppLaunch launch, FakeAws aws) {
      aws.imds().acceptV1(true);
      launch.legacyMetadata();
    }
  },

  LAPTOP_PROFILE("clean: static keys in the default profile, on a laptop with no role around") {
    @Override
    void prepare(AppLaunch launch, FakeAws aws) throws IOException {
      DemoKeys keys = aws.createUserKey("profile-user");
      launch.credentialsFile("[default]\naws_access_key_id = " + keys.accessKeyId() + "\naws_secret_access_key = "
          + keys.secretAccessKey() + "\n").environment("AWS_EC2_METADATA_DISABLED", "true").secret(keys);
    }
  },

  LAPTOP_ENV_KEYS("clean: keys in the environment, on a laptop whose metadata address swallows every packet") {
    @Override
    void prepare(AppLaunch launch, FakeAws aws) {
      DemoKeys keys = aws.createUserKey("env-user");
      launch.environment("AWS_ACCESS_KEY_ID", keys.accessKeyId())
          .environment("AWS_SECRET_ACCESS_KEY", keys.secretAccessKey())
          .imdsEndpoint(aws.silent().endpoint().toString()).secret(keys);
    }
  },

  WEB_IDENTITY_TOKEN_UNREADABLE("an EKS pod whose web identity token file is set but missing: both SDKs fall "
      + "through to the node's instance role, whose permissions are not the pod's") {
    @Override
    void prepare(AppLaunch launch, FakeAws aws) {
      launch.environment("AWS_WEB_IDENTITY_TOKEN_FILE",
              launch.workDirectory().resolve("missing-web-identity-token").toString())
          .environment("AWS_ROLE_ARN", "arn:aws:iam::" + Identities.ACCOUNT + ":role/" + WEB_IDENTITY_ROLE)
          .environment("AWS_ROLE_SESSION_NAME", "demo-pod");
    }
  },

  V1_CREDENTIAL_SOURCE("an SDK v1 application whose default profile assumes ProdAccountRoleName through "
      + "credential_source=Ec2InstanceMetadata, which SDK v1 ignores: it signs as the instance role itself", "v1") {
    @Override
    void prepare(AppLaunch launch, FakeAws aws) throws IOException {
      launch.credentialsFile("[default]\nrole_arn = arn:aws:iam::" + Identities.ACCOUNT + ":role/" + PRODUCTION_ROLE
          + "\ncredential_source = Ec2InstanceMetadata\n");
    }
  },

  ACCESS_DENIED("a hand-signed DynamoDB ListTables call with a key that lacks dynamodb:ListTables: the fake answers "
      + "AccessDeniedException", "none") {
    @Override
    void prepare(AppLaunch launch, FakeAws aws) throws IOException {
      DemoKeys keys = aws.createUserKey("app-config-user");
      aws.dynamoDb().denyNext(1);
      launch.raw("apache4", "dynamodb").calls(1).environment("DEMO_CREDENTIALS_FILE", appProperties(launch, keys))
          .secret(keys);
    }
  },

  THROTTLED("a hand-signed DynamoDB ListTables call that no SDK retries meets throttling: the fake answers "
      + "ThrottlingException twice, then the call succeeds", "none") {
    @Override
    void prepare(AppLaunch launch, FakeAws aws) throws IOException {
      DemoKeys keys = aws.createUserKey("app-config-user");
      aws.dynamoDb().throttleNext(2);
      launch.raw("jdk-send", "dynamodb").calls(1).environment("DEMO_CREDENTIALS_FILE", appProperties(launch, keys))
          .secret(keys);
    }
  };

  /** EKS IRSA's settings: the service account's token in a file, and the role to exchange it for. */
  private static AppLaunch webIdentity(AppLaunch launch) throws IOException {
    return launch.environment("AWS_WEB_IDENTITY_TOKEN_FILE",
            launch.privateFile("web-identity-token", "eyJhbGciOiJSUzI1NiJ9.fake-service-account-token").toString())
        .environment("AWS_ROLE_ARN", "arn:aws:iam::" + Identities.ACCOUNT + ":role/" + WEB_IDENTITY_ROLE)
        .environment("AWS_ROLE_SESSION_NAME", "demo-pod");
  }

  /** A developer's laptop, with no instance metadata, whose profile is signed in to IAM Identity Center. */
  private static void onLaptopWithSso(AppLaunch launch, FakeAws aws) {
    launch.environment("AWS_PROFILE", "developer").environment("AWS_EC2_METADATA_DISABLED", "true")
        .awsHostsThrough(aws.proxy().port());
  }

  /** The application's own settings file, with keys no SDK reads: it builds them into its clients. */
  private static String appProperties(AppLaunch launch, DemoKeys keys) throws IOException {
    return launch.privateFile("app.properties", "access.key.id=" + keys.accessKeyId() + "\nsecret.access.key="
        + keys.secretAccessKey() + "\n").toString();
  }

  public static final String WEB_IDENTITY_ROLE = "demo-web-role";
  public static final String PRODUCTION_ROLE = "ProdAccountRoleName";
  public static final String PROCESS_ROLE = "demo-process-role";
  public static final String SSO_ROLE = "DemoDeveloper";
  private static final String SSO_SESSION = "demo-sso";
  private static final String SSO_START_URL = "https://demo-sso.awsapps.com/start";

  private final String description;
  private final String sdks;

  Scenario(String description) {
    this(description, "v2,v1");
  }

  Scenario(String description, String sdks) {
    this.description = description;
    this.sdks = sdks;
  }

  abstract void prepare(AppLaunch launch, FakeAws aws) throws IOException;

  /** The name used on the command line, as in {@code --scenario env-shadows-role}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public String description() {
    return description;
  }

  /**
   * The SDKs the scenario runs by default, as for {@code --sdk}: those that support its credentials,
   * or {@code none} when the application makes its calls without an SDK.
   */
  public String sdks() {
    return sdks;
  }

  public static Scenario byId(String id) {
    for (Scenario scenario : values()) {
      if (scenario.id().equals(id)) {
        return scenario;
      }
    }
    throw new IllegalArgumentException("unknown scenario '" + id + "'; known: " + ids());
  }

  public static String ids() {
    StringBuilder ids = new StringBuilder();
    for (Scenario scenario : values()) {
      ids.append(ids.length() == 0 ? "" : ", ").append(scenario.id());
    }
    return ids.toString();
  }
}
