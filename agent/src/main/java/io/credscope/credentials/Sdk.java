package io.credscope.credentials;

/** The AWS SDK for Java line a credentials provider belongs to. */
public enum Sdk {
  V1("v1"),
  V2("v2");

  private final String id;

  Sdk(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  @Override
  public String toString() {
    return id;
  }
}
