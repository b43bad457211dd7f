package io.credscope.findings;

import io.credscope.probe.Listing;
import io.credscope.probe.SdkDialect;
import io.credscope.probe.SourceAvailability;
import java.util.ArrayList;
import java.util.List;

/**
 * Says exactly what to remove so that a source stops supplying credentials: the variables to unset, the system
 * properties to drop, the profile's keys and file, the code that builds static credentials.
 */
final class KeyRemoval {

  private KeyRemoval() {
  }

  /**
   * For a winner whose credentials are keys (see {@link KeysShadowRoleRule}). The names come from the probe of the winner's own source when it saw the same key, since SDK v1
   * reads alternative names; otherwise they are the names the SDK reads first.
   */
  static String of(Winner winner, SourceAvailability own) {
    switch (winner.source()) {
      case ENVIRONMENT:
        return "unset " + Listing.and(names(winner, own));
      case SYSTEM_PROPERTIES:
        return "remove " + Listing.and(options(names(winner, own)));
      case PROFILE:
        return "remove the keys from profile '" + winner.profile() + "' in " + Listing.and(winner.keyFiles());
      default:
        // Keys built in code: the one key source left.
        return "stop building static credentials " + (winner.location() == null ? "in code" : "at " + winner.location())
            + " and use the default chain";
    }
  }

  /**
   * For another available source of a default chain that would win once the winner is gone: the role sources
   * aside, that is system properties, the environment or a profile.
   */
  static String of(SourceAvailability source) {
    switch (source.source()) {
      case ENVIRONMENT:
        return "unset " + Listing.and(source.settingNames());
      case SYSTEM_PROPERTIES:
        return "remove " + Listing.and(options(source.settingNames()));
      default:
        return source.profile() != null
            ? "remove the keys from profile '" + source.profile() + "' in " + Listing.and(source.keyFiles())
            : "remove the credential settings of " + source.origin();
    }
  }

  private static List<String> names(Winner winner, SourceAvailability own) {
    boolean sameKey = own != null && own.available() && winner.key() != null && winner.key().equals(own.key());
    return sameKey ? own.settingNames() : SdkDialect.of(winner.sdk()).keySettingNames(winner.source());
  }

  private static List<String> options(List<String> properties) {
    List<String> options = new ArrayList<String>();
    for (String property : properties) {
      options.add("-D" + property);
    }
    return options;
  }

  /** "from the environment", "from profile 'default' in …/credentials", for summaries. */
  static String origin(Winner winner) {
    switch (winner.source()) {
      case ENVIRONMENT:
        return "from the environment";
      case SYSTEM_PROPERTIES:
        return "from system properties";
      case PROFILE:
        return winner.profile() == null ? "from a profile"
            : "from profile '" + winner.profile() + "' in " + Listing.and(winner.keyFiles());
      case STATIC:
        return "from static credentials built " + (winner.location() == null ? "in code" : "at " + winner.location());
      default:
        return "from " + winner.source().id() + " (" + winner.provider() + ")";
    }
  }
}
