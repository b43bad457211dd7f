package io.credscope.probe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Where one SDK reads one setting, in the order it looks: system properties and environment variables, by name. SDK
 * v2 reads most settings from a system property, then an environment variable ({@code SdkSystemSetting}); SDK v1
 * has its own order for each, and alternative variable names for its keys.
 */
final class Setting {

  private final List<Place> places;

  private Setting(Place... places) {
    this.places = Collections.unmodifiableList(Arrays.asList(places));
  }

  static Setting property(String name) {
    return new Setting(Place.property(name));
  }

  /** One environment variable, or several that stand for the same setting, first found wins. */
  static Setting environment(String name, String... alternatives) {
    List<Place> places = new ArrayList<Place>();
    places.add(Place.environment(name));
    for (String alternative : alternatives) {
      places.add(Place.environment(alternative));
    }
    return new Setting(places.toArray(new Place[0]));
  }

  static Setting propertyThenEnvironment(String property, String variable) {
    return new Setting(Place.property(property), Place.environment(variable));
  }

  static Setting environmentThenProperty(String variable, String property) {
    return new Setting(Place.environment(variable), Place.property(property));
  }

  /** The first place that is set, with its value, or {@code null}. Never use it for a secret: it keeps the value. */
  SettingValue find(HostSettings settings) {
    for (Place place : places) {
      String value = place.read(settings);
      if (value != null) {
        return new SettingValue(place.name, value, place.property);
      }
    }
    return null;
  }

  /** The name of the first place that is set, or {@code null}: for secrets, whose values credscope never keeps. */
  String whereSet(HostSettings settings) {
    for (Place place : places) {
      if (place.read(settings) != null) {
        return place.name;
      }
    }
    return null;
  }

  /**
   * Whether any place says {@code true}, ignoring case, and which: SDK v1 switches IMDS off when either its property
   * or its variable says so, where v2 takes the first one set.
   */
  SettingValue firstTrue(HostSettings settings) {
    for (Place place : places) {
      String value = place.read(settings);
      if ("true".equalsIgnoreCase(value)) {
        return new SettingValue(place.name, value, place.property);
      }
    }
    return null;
  }

  /** The name people know it by: the first environment variable, else the first property. */
  String displayName() {
    for (Place place : places) {
      if (!place.property) {
        return place.name;
      }
    }
    return places.get(0).name;
  }

  /** Every name, in order, for messages such as "AWS_ACCESS_KEY_ID (or AWS_ACCESS_KEY) not set". */
  List<String> names() {
    List<String> names = new ArrayList<String>();
    for (Place place : places) {
      names.add(place.name);
    }
    return names;
  }

  @Override
  public String toString() {
    return "Setting" + names();
  }

  private static final class Place {
    final String name;
    final boolean property;

    private Place(String name, boolean property) {
      this.name = name;
      this.property = property;
    }

    static Place property(String name) {
      return new Place(name, true);
    }

    static Place environment(String name) {
      return new Place(name, false);
    }

    String read(HostSettings settings) {
      return property ? settings.systemProperty(name) : settings.environmentVariable(name);
    }
  }
}
