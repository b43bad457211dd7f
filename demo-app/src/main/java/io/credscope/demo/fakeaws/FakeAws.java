package io.credscope.demo.fakeaws;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every fake the demo and the end-to-end tests use, started together on 127.0.0.1 with fresh
 * random key material: an instance role behind IMDS, a task role behind the container endpoint,
 * STS, S3, DynamoDB and EC2 endpoints that know which identity each key belongs to, the SSO portal, and
 * a proxy through which the SDKs reach STS and the SSO portal by their real host names.
 */
public final class FakeAws implements AutoCloseable {

  public static final String INSTANCE_ROLE_ARN =
      "arn:aws:sts::" + Identities.ACCOUNT + ":assumed-role/" + FakeImds.ROLE + "/i-0demo0instance0";
  public static final String CONTAINER_AUTHORIZATION_TOKEN = "fake-container-authorization-token";

  private final Identities identities = new Identities();
  private final Map<String, DemoKeys> userKeys = new ConcurrentHashMap<>();
  private final FakeImds imds;
  private final FakeContainerCredentials container;
  private final FakeSts sts;
  private final FakeS3 s3;
  private final FakeDynamoDb dynamoDb;
  private final FakeEc2 ec2;
  private final FakeSso sso;
  private final AwsHostProxy proxy;
  private final SilentEndpoint silent = new SilentEndpoint();
  private final RefusingEndpoint refusing = new RefusingEndpoint();

  private FakeAws() {
    imds = new FakeImds(DemoKeys.temporary());
    identities.register(imds.roleKeys().accessKeyId(), INSTANCE_ROLE_ARN);
    container = new FakeContainerCredentials(DemoKeys.temporary(), CONTAINER_AUTHORIZATION_TOKEN);
    identities.register(container.roleKeys().accessKeyId(),
        "arn:aws:sts::" + Identities.ACCOUNT + ":assumed-role/demo-task-role/demo-task");
    sts = new FakeSts(identities);
    s3 = new FakeS3(identities);
    dynamoDb = new FakeDynamoDb(identities);
    ec2 = new FakeEc2(identities);
    sso = new FakeSso(identities);
    proxy = new AwsHostProxy(Map.of("sts.amazonaws.com", sts, "sts.us-east-1.amazonaws.com", sts,
        "portal.sso.us-east-1.amazonaws.com", sso));
  }

  public static FakeAws start() {
    return new FakeAws();
  }

  /** Makes the fakes accept a key of an IAM user, as if it had been created in the account. */
  public DemoKeys createUserKey(String userName) {
    DemoKeys keys = DemoKeys.longTerm();
    identities.register(keys.accessKeyId(), "arn:aws:iam::" + Identities.ACCOUNT + ":user/" + userName);
    userKeys.put(userName, keys);
    return keys;
  }

  /** Makes the fakes accept session credentials of a role, as if STS had issued them. */
  public DemoKeys createRoleSession(String roleName) {
    DemoKeys keys = DemoKeys.temporary();
    identities.register(keys.accessKeyId(),
        "arn:aws:sts::" + Identities.ACCOUNT + ":assumed-role/" + roleName + "/demo-session");
    userKeys.put(roleName, keys);
    return keys;
  }

  /** Makes the fakes accept a key an application wrote into its code, as if it belonged to this user. */
  public DemoKeys registerUserKey(String userName, String accessKeyId, String secretAccessKey) {
    DemoKeys keys = new DemoKeys(accessKeyId, secretAccessKey, null);
    identities.register(accessKeyId, "arn:aws:iam::" + Identities.ACCOUNT + ":user/" + userName);
    userKeys.put(userName, keys);
    return keys;
  }

  /** An endpoint that accepts connections and never answers, for IMDS on a laptop. */
  public SilentEndpoint silent() {
    return silent;
  }

  /** A port that refuses every connection, for a network that blocks an AWS endpoint. */
  public RefusingEndpoint refusing() {
    return refusing;
  }

  /** The key made by {@link #createUserKey(String)} for this user, or {@code null}. */
  public DemoKeys userKey(String userName) {
    return userKeys.get(userName);
  }

  public FakeImds imds() {
    return imds;
  }

  public FakeContainerCredentials container() {
    return container;
  }

  public FakeSts sts() {
    return sts;
  }

  public FakeS3 s3() {
    return s3;
  }

  public FakeDynamoDb dynamoDb() {
    return dynamoDb;
  }

  public FakeEc2 ec2() {
    return ec2;
  }

  public FakeSso sso() {
    return sso;
  }

  /** The HTTPS proxy in front of STS and the SSO portal under their AWS host names. */
  public AwsHostProxy proxy() {
    return proxy;
  }

  @Override
  public void close() {
    proxy.close();
    for (FakeService service : List.of(imds, container, sts, s3, dynamoDb, ec2, sso)) {
      service.close();
    }
    silent.close();
    refusing.close();
  }
}
