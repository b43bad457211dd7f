package io.credscope.demo;

import io.credscope.demo.fakeaws.DemoKeys;
import io.credscope.demo.fakeaws.FakeAws;
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

  NOTHING_CONFIGURED("no credentials anywhere and IMDS switched off: every provider of the chain fails, and "
      + "credscope says why each one did") {
    @Override
    void prepare(AppLaunch launch, FakeAws aws) {
      launch.environment("AWS_EC2_METADATA_DISABLED", "true");
    }
  };

  private final String description;

  Scenario(String description) {
    this.description = description;
  }

  abstract void prepare(AppLaunch launch, FakeAws aws);

  /** The name used on the command line, as in {@code --scenario env-shadows-role}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public String description() {
    return description;
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
