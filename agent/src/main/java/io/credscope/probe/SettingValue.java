package io.credscope.probe;

/** A setting that was found, where, and its value. Only ever built for settings that are not secrets. */
final class SettingValue {

  private final String name;
  private final String value;
  private final boolean systemProperty;

  SettingValue(String name, String value, boolean systemProperty) {
    this.name = name;
    this.value = value;
    this.systemProperty = systemProperty;
  }

  /** The property's or the variable's name, as the SDK reads it. */
  String name() {
    return name;
  }

  String value() {
    return value;
  }

  boolean systemProperty() {
    return systemProperty;
  }

  /** {@code AWS_ROLE_ARN} or {@code -Daws.roleArn}: which kind of place, at a glance. */
  String label() {
    return systemProperty ? "-D" + name : name;
  }

  /** {@code AWS_EC2_METADATA_DISABLED=true}. */
  @Override
  public String toString() {
    return label() + "=" + value;
  }
}
