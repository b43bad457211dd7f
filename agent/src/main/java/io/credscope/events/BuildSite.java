package io.credscope.events;

import java.lang.ref.WeakReference;

/**
 * Where application code built a provider around fixed keys: the class and code location, and a
 * class loader that can read that class's bytes, held weakly so that an undeployed application's
 * loader is never kept alive by the agent.
 */
public final class BuildSite {

  private final String className;
  private final String location;
  private final WeakReference<ClassLoader> loader;

  public BuildSite(String className, String location, ClassLoader loader) {
    this.className = className;
    this.location = location;
    this.loader = new WeakReference<ClassLoader>(loader);
  }

  public String className() {
    return className;
  }

  /** As {@code class.method(File.java:line)}. */
  public String location() {
    return location;
  }

  /** A loader that could see the class when it built the provider, or {@code null} when gone or unknown. */
  public ClassLoader loader() {
    return loader.get();
  }

  @Override
  public String toString() {
    return location;
  }
}
