package io.credscope.profiles;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A named section of the merged profile files: a profile, or an {@code sso-session} or {@code services} section,
 * which have the same shape. Property names are case-insensitive, as in the SDKs.
 */
public final class Profile {

  private final String name;
  private final Map<String, ProfileProperty> properties;

  Profile(String name, Map<String, ProfileProperty> properties) {
    this.name = name;
    this.properties = Collections.unmodifiableMap(new LinkedHashMap<String, ProfileProperty>(properties));
  }

  public String name() {
    return name;
  }

  /** The properties by lower-cased name, in the order they were first seen. */
  public Map<String, ProfileProperty> properties() {
    return properties;
  }

  /** Whether the property is set, even to an empty value; the only question asked of secrets. */
  public boolean has(String propertyName) {
    return property(propertyName) != null;
  }

  /** The property, or {@code null} if it is not set. */
  public ProfileProperty property(String propertyName) {
    return propertyName == null ? null : properties.get(propertyName.toLowerCase(Locale.ROOT));
  }

  /** The value, or {@code null} if the property is not set or is a secret. */
  public String value(String propertyName) {
    ProfileProperty property = property(propertyName);
    return property == null ? null : property.value();
  }

  /** The file that supplied the property, or {@code null} if it is not set. */
  public ProfileFileType fileOf(String propertyName) {
    ProfileProperty property = property(propertyName);
    return property == null ? null : property.file();
  }

  /** The property's value read as sub-properties (see {@link ProfileProperty#subProperties()}); empty if not set. */
  public Map<String, String> subProperties(String propertyName) {
    ProfileProperty property = property(propertyName);
    return property == null ? Collections.<String, String>emptyMap() : property.subProperties();
  }

  @Override
  public String toString() {
    return "Profile(" + name + ", " + properties.values() + ")";
  }
}
