package io.credscope.it.apps;

import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * A host application for attach tests: it loads and uses a provider before any agent is there,
 * says "ready", waits for a go-file, then resolves again.
 */
public final class AttachTargetApp {

  private AttachTargetApp() {
  }

  public static void main(String[] args) throws Exception {
    AwsCredentialsProvider provider = StaticCredentialsProvider.create(AwsBasicCredentials.create(args[0], args[1]));
    provider.resolveCredentials();
    System.out.println("ready");
    System.out.flush();
    Path go = Path.of(args[2]);
    for (int waited = 0; !Files.exists(go) && waited < 600; waited++) {
      Thread.sleep(100);
    }
    for (int i = 0; i < 3; i++) {
      provider.resolveCredentials();
    }
    System.out.println("done");
  }
}
