package io.credscope.credentials;

import java.util.HashMap;
import java.util.Map;

/**
 * What an SDK v2 credentials object's own {@code providerName()} says about its source, as a
 * cross-check of credscope's attribution. Before 2.3x the SDK put the provider's simple class name
 * there; since then it puts business-metric codes ({@code BusinessMetricFeatureId}), comma-joined
 * when several apply, most specific last.
 */
public final class SdkProviderNames {

  private static final Map<String, CredentialSource> BY_CODE = new HashMap<String, CredentialSource>();
  private static final Map<String, CredentialSource> BY_CLASS_NAME = new HashMap<String, CredentialSource>();

  static {
    BY_CODE.put("e", CredentialSource.STATIC);
    BY_CODE.put("f", CredentialSource.SYSTEM_PROPERTIES);
    BY_CODE.put("g", CredentialSource.ENVIRONMENT);
    BY_CODE.put("h", CredentialSource.WEB_IDENTITY);
    BY_CODE.put("i", CredentialSource.ASSUME_ROLE);
    BY_CODE.put("j", CredentialSource.ASSUME_ROLE);
    BY_CODE.put("k", CredentialSource.WEB_IDENTITY);
    BY_CODE.put("l", CredentialSource.ASSUME_ROLE);
    BY_CODE.put("m", CredentialSource.ASSUME_ROLE);
    for (String profileCode : new String[] {"n", "o", "p", "q", "r", "t", "v", "AC"}) {
      BY_CODE.put(profileCode, CredentialSource.PROFILE);
    }
    BY_CODE.put("s", CredentialSource.SSO);
    BY_CODE.put("u", CredentialSource.SSO);
    BY_CODE.put("w", CredentialSource.PROCESS);
    BY_CODE.put("z", CredentialSource.CONTAINER);
    BY_CODE.put("0", CredentialSource.INSTANCE_PROFILE);

    BY_CLASS_NAME.put("SystemPropertyCredentialsProvider", CredentialSource.SYSTEM_PROPERTIES);
    BY_CLASS_NAME.put("EnvironmentVariableCredentialsProvider", CredentialSource.ENVIRONMENT);
    BY_CLASS_NAME.put("WebIdentityTokenFileCredentialsProvider", CredentialSource.WEB_IDENTITY);
    BY_CLASS_NAME.put("ProfileCredentialsProvider", CredentialSource.PROFILE);
    BY_CLASS_NAME.put("ContainerCredentialsProvider", CredentialSource.CONTAINER);
    BY_CLASS_NAME.put("InstanceProfileCredentialsProvider", CredentialSource.INSTANCE_PROFILE);
    BY_CLASS_NAME.put("StaticCredentialsProvider", CredentialSource.STATIC);
    BY_CLASS_NAME.put("ProcessCredentialsProvider", CredentialSource.PROCESS);
    BY_CLASS_NAME.put("SsoCredentialsProvider", CredentialSource.SSO);
    BY_CLASS_NAME.put("StsAssumeRoleCredentialsProvider", CredentialSource.ASSUME_ROLE);
    BY_CLASS_NAME.put("StsWebIdentityTokenFileCredentialsProvider", CredentialSource.WEB_IDENTITY);
  }

  private SdkProviderNames() {
  }

  /** The source a {@code providerName()} value stands for, or {@code null} when it says nothing known. */
  public static CredentialSource sourceOf(String providerName) {
    if (providerName == null || providerName.isEmpty()) {
      return null;
    }
    CredentialSource byClass = BY_CLASS_NAME.get(providerName);
    if (byClass != null) {
      return byClass;
    }
    // Profiles name both the profile and what it delegates to ("n,o"): the profile is what the user set up.
    CredentialSource found = null;
    for (String code : providerName.split(",")) {
      CredentialSource source = BY_CODE.get(code.trim());
      if (source == CredentialSource.PROFILE) {
        return source;
      }
      if (found == null) {
        found = source;
      }
    }
    return found;
  }
}
