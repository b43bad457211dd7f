package io.credscope.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;

class CredentialChainModelTest {

  private final CredentialChainModel v2 = CredentialChainModel.V2;

  @Test
  void v2ChainOrder() {
    assertEquals(List.of(CredentialSource.SYSTEM_PROPERTIES, CredentialSource.ENVIRONMENT,
        CredentialSource.WEB_IDENTITY, CredentialSource.PROFILE, CredentialSource.CONTAINER,
        CredentialSource.INSTANCE_PROFILE), v2.order());
  }

  @Test
  void v1ChainOrderPutsTheEnvironmentFirst() {
    assertEquals(List.of(CredentialSource.ENVIRONMENT, CredentialSource.SYSTEM_PROPERTIES,
        CredentialSource.WEB_IDENTITY, CredentialSource.PROFILE, CredentialSource.CONTAINER,
        CredentialSource.INSTANCE_PROFILE), CredentialChainModel.V1.order());
  }

  /** The v1 names are data too, checked against the v1 SDK the build compiles against. */
  @Test
  void everyV1ClassExistsAndEveryInstrumentedOneDeclaresGetCredentials() throws Exception {
    CredentialChainModel v1 = CredentialChainModel.V1;
    for (String name : v1.declaringClasses()) {
      Class<?> type = Class.forName(name);
      assertTrue(com.amazonaws.auth.AWSCredentialsProvider.class.isAssignableFrom(type), name);
      assertFalse(Modifier.isAbstract(type.getDeclaredMethod("getCredentials").getModifiers()), name);
    }
    assertTrue(v1.isChain(com.amazonaws.auth.DefaultAWSCredentialsProviderChain.class.getName()));
    assertTrue(v1.isChain(com.amazonaws.auth.EC2ContainerCredentialsProviderWrapper.class.getName()));
    assertEquals(CredentialSource.ENVIRONMENT,
        v1.sourceOf(com.amazonaws.auth.EnvironmentVariableCredentialsProvider.class.getName()));
  }

  /** What a profile with role_arn, or web identity, builds in SDK v1: attributed when an application builds one. */
  @Test
  void v1StsSessionProvidersStandForTheirRoles() {
    CredentialChainModel v1 = CredentialChainModel.V1;
    assertEquals(CredentialSource.ASSUME_ROLE,
        v1.sourceOf(com.amazonaws.auth.STSAssumeRoleSessionCredentialsProvider.class.getName()));
    assertEquals(CredentialSource.WEB_IDENTITY,
        v1.sourceOf(com.amazonaws.auth.STSAssumeRoleWithWebIdentitySessionCredentialsProvider.class.getName()));
    assertFalse(v1.order().contains(CredentialSource.ASSUME_ROLE), "no link of the default chain");
  }

  @Test
  void mapsRealProviderClassesToSources() {
    assertEquals(CredentialSource.ENVIRONMENT, v2.sourceOf(EnvironmentVariableCredentialsProvider.class.getName()));
    assertEquals(CredentialSource.SYSTEM_PROPERTIES, v2.sourceOf(SystemPropertyCredentialsProvider.class.getName()));
    assertEquals(CredentialSource.INSTANCE_PROFILE, v2.sourceOf(InstanceProfileCredentialsProvider.class.getName()));
    assertNull(v2.sourceOf("com.example.MyProvider"));
    assertTrue(v2.isChain("software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider"));
    assertFalse(v2.isChain(EnvironmentVariableCredentialsProvider.class.getName()));
  }

  /** The names are data; this catches a rename in the SDK the build compiles against. */
  @Test
  void everyInstrumentedClassDeclaresResolveCredentials() throws Exception {
    for (String name : v2.declaringClasses()) {
      Class<?> type = Class.forName(name);
      assertTrue(AwsCredentialsProvider.class.isAssignableFrom(type), name);
      assertFalse(Modifier.isAbstract(type.getDeclaredMethod("resolveCredentials").getModifiers()), name);
    }
  }

  @Test
  void everySourceProviderIsInstrumentedItselfOrThroughItsSuperclass() throws Exception {
    for (String name : List.of(SystemPropertyCredentialsProvider.class.getName(),
        EnvironmentVariableCredentialsProvider.class.getName(), InstanceProfileCredentialsProvider.class.getName(),
        "software.amazon.awssdk.auth.credentials.StaticCredentialsProvider",
        "software.amazon.awssdk.auth.credentials.ProcessCredentialsProvider",
        "software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider",
        "software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider",
        "software.amazon.awssdk.auth.credentials.WebIdentityTokenFileCredentialsProvider",
        "software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider",
        "software.amazon.awssdk.services.sts.auth.StsWebIdentityTokenFileCredentialsProvider",
        "software.amazon.awssdk.services.sso.auth.SsoCredentialsProvider")) {
      Class<?> declaring = Class.forName(name).getMethod("resolveCredentials").getDeclaringClass();
      assertTrue(v2.declaringClasses().contains(declaring.getName()), name + " resolves in " + declaring);
      assertTrue(v2.sourceOf(name) != null, name);
    }
  }
}
