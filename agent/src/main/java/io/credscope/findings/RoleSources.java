package io.credscope.findings;

import io.credscope.credentials.CredentialSource;
import io.credscope.credentials.Sdk;
import io.credscope.probe.SourceAvailability;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The sources that give a role's temporary credentials without any key on the host, and what to call them. */
final class RoleSources {

  private static final Set<CredentialSource> ROLES =
      EnumSet.of(CredentialSource.WEB_IDENTITY, CredentialSource.CONTAINER, CredentialSource.INSTANCE_PROFILE);

  private RoleSources() {
  }

  static boolean isRole(CredentialSource source) {
    return ROLES.contains(source);
  }

  /** The entries for one SDK, in the order given. */
  static List<SourceAvailability> chainOf(Sdk sdk, List<SourceAvailability> host) {
    List<SourceAvailability> chain = new ArrayList<SourceAvailability>();
    for (SourceAvailability availability : host) {
      if (availability.sdk() == sdk) {
        chain.add(availability);
      }
    }
    return chain;
  }

  /** The available role sources from a position of the chain on, in chain order. */
  static List<SourceAvailability> available(List<SourceAvailability> chain, int from) {
    List<SourceAvailability> roles = new ArrayList<SourceAvailability>();
    for (int i = Math.max(0, from); i < chain.size(); i++) {
      if (chain.get(i).available() && isRole(chain.get(i).source())) {
        roles.add(chain.get(i));
      }
    }
    return roles;
  }

  /** "instance role demo-instance-role", "web-identity role arn:…", "the container role at http://…". */
  static String describe(SourceAvailability role) {
    switch (role.source()) {
      case INSTANCE_PROFILE:
        return "instance role " + role.role();
      case WEB_IDENTITY:
        return "web-identity role " + role.role();
      default:
        return "the container role at " + role.role();
    }
  }

  static String ids(List<SourceAvailability> sources) {
    StringBuilder ids = new StringBuilder();
    for (SourceAvailability source : sources) {
      ids.append(ids.length() == 0 ? "" : ", ").append(source.source().id());
    }
    return ids.toString();
  }
}
