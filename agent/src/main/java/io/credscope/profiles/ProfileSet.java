package io.credscope.profiles;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the config and credentials files define once merged: profiles, {@code [sso-session x]} sections and
 * {@code [services x]} sections, each by name, in the order first seen.
 */
public final class ProfileSet {

  private final Map<String, Profile> profiles;
  private final Map<String, Profile> ssoSessions;
  private final Map<String, Profile> services;

  ProfileSet(Map<String, Profile> profiles, Map<String, Profile> ssoSessions, Map<String, Profile> services) {
    this.profiles = Collections.unmodifiableMap(new LinkedHashMap<String, Profile>(profiles));
    this.ssoSessions = Collections.unmodifiableMap(new LinkedHashMap<String, Profile>(ssoSessions));
    this.services = Collections.unmodifiableMap(new LinkedHashMap<String, Profile>(services));
  }

  public Map<String, Profile> profiles() {
    return profiles;
  }

  /** The profile, or {@code null} if neither file defines it. */
  public Profile profile(String name) {
    return profiles.get(name);
  }

  /** {@code [sso-session x]} sections of the config file, which SSO profiles name in {@code sso_session}. */
  public Map<String, Profile> ssoSessions() {
    return ssoSessions;
  }

  /**
   * {@code [services x]} sections of the config file, which profiles name in {@code services}. Each property is a
   * service id whose value is a block of sub-properties, such as {@code endpoint_url}.
   */
  public Map<String, Profile> services() {
    return services;
  }

  @Override
  public String toString() {
    return "ProfileSet(profiles=" + profiles.values() + ", ssoSessions=" + ssoSessions.values() + ", services="
        + services.values() + ")";
  }
}
