package io.credscope.recorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.credscope.credentials.CredentialChainModel;
import org.junit.jupiter.api.Test;

class CallPathTest {

  private static final String V2 = "software.amazon.awssdk.auth.credentials.";

  private static StackTraceElement frame(String className, String method, int line) {
    return new StackTraceElement(className, method, className.substring(className.lastIndexOf('.') + 1) + ".java",
        line);
  }

  private static final StackTraceElement RECORDER =
      frame(CredentialsRecorder.class.getName(), "credentialsProvided", 60);
  private static final StackTraceElement BRIDGE = frame("io.credscope.bridge.Bridge", "credentialsProvided", 30);

  @Test
  void leafUnderTheDefaultChainCalledFromApplicationCode() {
    CallPath path = CallPath.of(new StackTraceElement[] {
        RECORDER, BRIDGE,
        frame(V2 + "internal.SystemSettingsCredentialsProvider", "resolveCredentials", 50),
        frame(V2 + "AwsCredentialsProviderChain", "resolveCredentials", 100),
        frame(V2 + "internal.LazyAwsCredentialsProvider", "resolveCredentials", 40),
        frame(V2 + "DefaultCredentialsProvider", "resolveCredentials", 120),
        frame("software.amazon.awssdk.core.internal.http.AmazonSyncHttpClient", "execute", 70),
        frame("java.util.concurrent.CompletableFuture", "join", 10),
        frame("com.example.billing.InvoiceJob", "run", 42),
        frame("com.example.billing.Main", "main", 12),
    }, CredentialChainModel.V2, null);
    assertFalse(path.nested());
    assertEquals("DefaultCredentialsProvider", path.chain(), "the outermost chain");
    assertEquals("com.example.billing.InvoiceJob.run(InvoiceJob.java:42)", path.caller());
  }

  @Test
  void staticKeysInsideAProfileProviderAreNested() {
    CallPath path = CallPath.of(new StackTraceElement[] {
        RECORDER, BRIDGE,
        frame(V2 + "StaticCredentialsProvider", "resolveCredentials", 20),
        frame(V2 + "ProfileCredentialsProvider", "resolveCredentials", 90),
        frame("com.example.Main", "main", 5),
    }, CredentialChainModel.V2, null);
    assertTrue(path.nested());
    assertNull(path.chain());
    assertEquals("com.example.Main.main(Main.java:5)", path.caller());
  }

  /** A hook's call names the application frame below the bridge; a client's own completion thread names none. */
  @Test
  void aCallerIsNamedOnlyBelowTheBridge() {
    StackTraceElement recorder = frame("io.credscope.http.AwsErrors", "record", 60);
    StackTraceElement application = frame("com.example.Uploader", "upload", 31);
    assertEquals("com.example.Uploader.upload(Uploader.java:31)",
        CallPath.callerThroughBridge(new StackTraceElement[] {recorder, BRIDGE,
            frame("okhttp3.internal.http.CallServerInterceptor", "intercept", 40), application}));
    assertNull(CallPath.callerThroughBridge(new StackTraceElement[] {
        recorder, frame("java.util.concurrent.CompletableFuture", "uniWhenComplete", 860), application}));
  }

  @Test
  void noApplicationFrameMeansNoCaller() {
    CallPath path = CallPath.of(new StackTraceElement[] {
        RECORDER, BRIDGE,
        frame(V2 + "InstanceProfileCredentialsProvider", "resolveCredentials", 20),
        frame("java.lang.Thread", "run", 1),
    }, CredentialChainModel.V2, null);
    assertNull(path.caller());
  }

  @Test
  void sdkV1NamesTheChainTheApplicationBuiltNotTheClassDeclaringTheMethod() {
    CallPath path = CallPath.of(new StackTraceElement[] {
        RECORDER, BRIDGE,
        frame("com.amazonaws.auth.InstanceProfileCredentialsProvider", "getCredentials", 20),
        frame("com.amazonaws.auth.EC2ContainerCredentialsProviderWrapper", "getCredentials", 77),
        frame("com.amazonaws.auth.AWSCredentialsProviderChain", "getCredentials", 118),
        frame("com.amazonaws.http.AmazonHttpClient", "execute", 700),
        frame("com.example.Main", "main", 9),
    }, CredentialChainModel.V1, "com.amazonaws.auth.DefaultAWSCredentialsProviderChain");
    assertFalse(path.nested());
    assertEquals("DefaultAWSCredentialsProviderChain", path.chain());
    assertEquals("com.example.Main.main(Main.java:9)", path.caller());
  }

  @Test
  void sdkV1NestingUsesV1sMethodName() {
    CallPath path = CallPath.of(new StackTraceElement[] {
        RECORDER, BRIDGE,
        frame("com.amazonaws.auth.AWSStaticCredentialsProvider", "getCredentials", 20),
        frame("com.amazonaws.auth.profile.ProfileCredentialsProvider", "getCredentials", 150),
        frame("com.example.Main", "main", 9),
    }, CredentialChainModel.V1, null);
    assertTrue(path.nested());
  }

  /** SDK v1 web identity asks its STS session provider from inside its own getCredentials(). */
  @Test
  void sdkV1StsSessionInsideWebIdentityIsNested() {
    CallPath path = CallPath.of(new StackTraceElement[] {
        RECORDER, BRIDGE,
        frame("com.amazonaws.auth.STSAssumeRoleWithWebIdentitySessionCredentialsProvider", "getCredentials", 130),
        frame("com.amazonaws.auth.WebIdentityTokenCredentialsProvider", "getCredentials", 80),
        frame("com.amazonaws.auth.AWSCredentialsProviderChain", "getCredentials", 118),
        frame("com.example.Main", "main", 9),
    }, CredentialChainModel.V1, "com.amazonaws.auth.DefaultAWSCredentialsProviderChain");
    assertTrue(path.nested());
  }

  /**
   * An application method that happens to be called resolveCredentials is no provider: the SDK
   * provider it asks must still be reported, or the resolution would go unseen.
   */
  @Test
  void anApplicationMethodNamedLikeAProviderDoesNotHideTheSdkProvider() {
    CallPath path = CallPath.of(new StackTraceElement[] {
        RECORDER, BRIDGE,
        frame(V2 + "internal.SystemSettingsCredentialsProvider", "resolveCredentials", 50),
        frame(V2 + "AwsCredentialsProviderChain", "resolveCredentials", 100),
        frame(V2 + "DefaultCredentialsProvider", "resolveCredentials", 120),
        frame("com.example.Config", "resolveCredentials", 30),
        frame("com.example.Main", "main", 5),
    }, CredentialChainModel.V2, null);
    assertFalse(path.nested());
    assertEquals("com.example.Config.resolveCredentials(Config.java:30)", path.caller());
  }

  @Test
  void frameWithoutLineNumberOrFile() {
    CallPath path = CallPath.of(new StackTraceElement[] {
        RECORDER, BRIDGE,
        frame(V2 + "StaticCredentialsProvider", "resolveCredentials", 20),
        new StackTraceElement("com.example.Generated", "call", null, -1),
    }, CredentialChainModel.V2, null);
    assertEquals("com.example.Generated.call(Unknown Source)", path.caller());
  }

  /**
   * On AWS Lambda every stack ends in the runtime's own {@code com.amazonaws.services.lambda.runtime} frames: they
   * are neither SDK v1 nor the application, whose handler is the frame named.
   */
  @Test
  void theLambdaRuntimeIsNoSdkAndNoApplication() {
    StackTraceElement handler = frame("com.example.orders.Handler", "handleRequest", 27);
    StackTraceElement[] raw = {
        frame("io.credscope.http.ImdsTraffic", "exchange", 50), BRIDGE,
        frame("sun.net.www.protocol.http.HttpURLConnection", "getInputStream", 1500),
        handler,
        frame("com.amazonaws.services.lambda.runtime.api.client.EventHandlerLoader$PojoHandlerAsStreamHandler",
            "handleRequest", 400),
        frame("com.amazonaws.services.lambda.runtime.api.client.AWSLambda", "startRuntime", 220),
        frame("com.amazonaws.services.lambda.crac.Core", "run", 10),
        frame("com.amazonaws.services.lambda.runtime.api.client.AWSLambda", "main", 200),
    };
    assertNull(CallPath.sdk(raw), "a raw call from a handler is made by no SDK");
    assertEquals(handler, CallPath.application(raw));
    StackTraceElement[] throughV1 = {
        frame("io.credscope.http.ImdsTraffic", "exchange", 50), BRIDGE,
        frame("com.amazonaws.services.lambda.AWSLambdaClient", "invoke", 2500),
        handler,
        frame("com.amazonaws.services.lambda.runtime.api.client.AWSLambda", "main", 200),
    };
    assertEquals("v1", CallPath.sdk(throughV1), "SDK v1's own Lambda client is still SDK v1");
  }
}
