package io.credscope.it.apps;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.osgi.framework.Bundle;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * Starts a real Apache Felix framework with its defaults (boot delegation of {@code java.*} only), installs one
 * bundle and starts it, then stops the framework: the bundle's activator makes its calls at its start.
 *
 * <pre>FelixHostApp BUNDLE_JAR BASE_URL KEY_ID CALLS</pre>
 */
public final class FelixHostApp {

  private FelixHostApp() {
  }

  public static void main(String[] args) throws Exception {
    System.setProperty(BundleCallsActivator.BASE_URL, args[1]);
    System.setProperty(BundleCallsActivator.KEY_ID, args[2]);
    System.setProperty(BundleCallsActivator.CALLS, args[3]);
    Map<String, String> config = new HashMap<>();
    config.put("org.osgi.framework.storage", Files.createTempDirectory("felix-cache").toString());
    config.put("org.osgi.framework.storage.clean", "onFirstInit");
    Framework framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(config);
    framework.start();
    Bundle bundle = framework.getBundleContext().installBundle(Path.of(args[0]).toUri().toString());
    bundle.start();
    framework.stop();
    framework.waitForStop(10_000);
  }
}
