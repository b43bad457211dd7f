package io.credscope.profiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses the shared {@code config} and {@code credentials} files the way the AWS SDKs do, following the cross-SDK
 * profile-file spec (smithy-rs {@code profile-parser-tests.json}), so that what credscope reports about a profile
 * is what the SDK in the application would see.
 *
 * <p>Parsing is in two steps, as in the SDKs. The first reads each file's lines literally and fails only on what
 * the spec calls a syntax error: a property before any section, a section line without {@code ]}, a property
 * without {@code =} or without a name, a continuation with nothing to continue, a malformed sub-property. The
 * second keeps only what is valid: section and property names outside {@code [A-Za-z0-9_\-/.%@:+]}, unprefixed
 * config sections other than {@code [default]}, prefixed credentials sections, and {@code [default]} in a config
 * file that also has {@code [profile default]} are all dropped without error. Duplicate sections merge and the
 * last value of a property wins; then the credentials file's properties win over the config file's, one by one.
 *
 * <p>Values of {@code aws_secret_access_key}, {@code aws_session_token} and {@code aws_security_token} are dropped
 * as soon as they are read; only their presence and file are kept. Any string input gives a result or a
 * {@link ProfileParseException}, never an unchecked exception.
 */
public final class ProfileFileParser {

  private static final String PROFILE_PREFIX = "profile";
  private static final String SSO_SESSION_PREFIX = "sso-session";
  private static final String SERVICES_PREFIX = "services";
  private static final String DEFAULT = "default";
  private static final Set<String> SECRETS =
      new HashSet<String>(Arrays.asList("aws_secret_access_key", "aws_session_token", "aws_security_token"));

  private ProfileFileParser() {
  }

  /** Parses a config file alone. */
  public static ProfileSet parseConfig(String configText) throws ProfileParseException {
    return parse(configText, null);
  }

  /** Parses a credentials file alone. */
  public static ProfileSet parseCredentials(String credentialsText) throws ProfileParseException {
    return parse(null, credentialsText);
  }

  /**
   * Parses and merges both files.
   *
   * @param configText the config file's text, or {@code null} if there is none
   * @param credentialsText the credentials file's text, or {@code null} if there is none
   * @throws ProfileParseException if either file is one the SDKs would refuse; the config file is checked first
   */
  public static ProfileSet parse(String configText, String credentialsText) throws ProfileParseException {
    List<RawSection> config = readSections(configText, ProfileFileType.CONFIG);
    List<RawSection> credentials = readSections(credentialsText, ProfileFileType.CREDENTIALS);
    Merged merged = new Merged();
    merged.add(config, ProfileFileType.CONFIG);
    merged.add(credentials, ProfileFileType.CREDENTIALS);
    return new ProfileSet(merged.sections(merged.profiles), merged.sections(merged.ssoSessions),
        merged.sections(merged.services));
  }

  /**
   * Reads the two files {@link ProfileFiles} located and parses them as {@link #parse} does. A file that does not
   * exist, or whose location is unknown, counts as empty; bytes that are not UTF-8 are replaced, not rejected.
   */
  public static ProfileSet load(ProfileFiles files) throws IOException, ProfileParseException {
    return parse(read(files.configFile()), read(files.credentialsFile()));
  }

  private static String read(String path) throws IOException {
    if (path == null) {
      return null;
    }
    try {
      return new String(Files.readAllBytes(Paths.get(path)), StandardCharsets.UTF_8);
    } catch (NoSuchFileException absent) {
      return null;
    } catch (InvalidPathException unusable) {
      throw new IOException("not a usable path: " + path, unusable);
    }
  }

  // --- step 1: the literal reading, which is where the syntax errors are ------------------------------------

  /** A section as written, before its name is checked. Values are null for secrets. */
  private static final class RawSection {
    final String name;
    final Map<String, StringBuilder> properties = new LinkedHashMap<String, StringBuilder>();

    RawSection(String name) {
      this.name = name;
    }
  }

  private static List<RawSection> readSections(String text, ProfileFileType file) throws ProfileParseException {
    List<RawSection> sections = new ArrayList<RawSection>();
    if (text == null) {
      return sections;
    }
    RawSection section = null;
    String property = null;
    boolean subProperties = false;
    int lineNumber = 0;
    int start = 0;
    while (start <= text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      String line = text.substring(start, end);
      start = end + 1;
      lineNumber++;
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      if (trimBlanks(line).isEmpty() || line.charAt(0) == '#' || line.charAt(0) == ';') {
        continue;
      }
      if (line.charAt(0) == '[') {
        String header = withoutComment(line, false);
        if (!header.endsWith("]") || header.length() < 2) {
          throw new ProfileParseException(file, lineNumber, "Profile definition must end with ']'");
        }
        section = new RawSection(header.substring(1, header.length() - 1));
        sections.add(section);
        property = null;
        subProperties = false;
      } else if (isBlank(line.charAt(0))) {
        if (section == null) {
          throw new ProfileParseException(file, lineNumber, "Expected a profile definition");
        }
        if (property == null) {
          throw new ProfileParseException(file, lineNumber, "Expected a property definition, found continuation");
        }
        if (subProperties) {
          splitProperty(line, file, lineNumber, "sub-property", "Sub-property");
        }
        StringBuilder value = section.properties.get(property);
        if (value != null) {
          value.append('\n').append(trimBlanks(line));
        }
      } else {
        if (section == null) {
          throw new ProfileParseException(file, lineNumber, "Expected a profile definition");
        }
        String[] keyValue = splitProperty(line, file, lineNumber, "property", "Property");
        property = keyValue[0].toLowerCase(Locale.ROOT);
        subProperties = keyValue[1].isEmpty();
        section.properties.put(property, SECRETS.contains(property) ? null : new StringBuilder(keyValue[1]));
      }
    }
    return sections;
  }

  /** {@code key = value} with a trailing comment removed, as {name, value}; both trimmed, neither null. */
  private static String[] splitProperty(String line, ProfileFileType file, int lineNumber, String what,
      String capitalized) throws ProfileParseException {
    String content = withoutComment(line, true);
    int equals = content.indexOf('=');
    if (equals < 0) {
      throw new ProfileParseException(file, lineNumber, "Expected an '=' sign defining a " + what);
    }
    String key = trimBlanks(content.substring(0, equals));
    if (key.isEmpty()) {
      throw new ProfileParseException(file, lineNumber, capitalized + " did not have a name");
    }
    return new String[] {key, trimBlanks(content.substring(equals + 1))};
  }

  /**
   * The trimmed line up to its first {@code #} or {@code ;}. In property lines a comment must follow whitespace,
   * so that {@code value;x} keeps its semicolon; on section lines it may follow the {@code ]} directly.
   */
  private static String withoutComment(String line, boolean needsWhitespace) {
    String trimmed = trimBlanks(line);
    boolean afterWhitespace = false;
    for (int i = 0; i < trimmed.length(); i++) {
      char c = trimmed.charAt(i);
      if ((c == '#' || c == ';') && (afterWhitespace || !needsWhitespace)) {
        return trimBlanks(trimmed.substring(0, i));
      }
      afterWhitespace = Character.isWhitespace(c) || Character.isSpaceChar(c);
    }
    return trimmed;
  }

  /** The spec's whitespace is only space and tab; {@link String#trim()} would also eat other control characters. */
  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }

  private static String trimBlanks(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && isBlank(s.charAt(from))) {
      from++;
    }
    while (to > from && isBlank(s.charAt(to - 1))) {
      to--;
    }
    return s.substring(from, to);
  }

  // --- step 2: keeping what is valid, and merging ----------------------------------------------------------

  private static boolean isIdentifier(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean alphanumeric = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!alphanumeric && "_-/.%@:+".indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  /** A section name split as {@code [prefix name]} at its first space or tab; prefix null for {@code [name]}. */
  private static String[] sectionKey(String rawName) {
    String trimmed = trimBlanks(rawName);
    for (int i = 0; i < trimmed.length(); i++) {
      if (isBlank(trimmed.charAt(i))) {
        return new String[] {trimmed.substring(0, i), trimBlanks(trimmed.substring(i + 1))};
      }
    }
    return new String[] {null, trimmed};
  }

  private static final class Merged {
    final Map<String, Map<String, ProfileProperty>> profiles = sectionMap();
    final Map<String, Map<String, ProfileProperty>> ssoSessions = sectionMap();
    final Map<String, Map<String, ProfileProperty>> services = sectionMap();

    private static Map<String, Map<String, ProfileProperty>> sectionMap() {
      return new LinkedHashMap<String, Map<String, ProfileProperty>>();
    }

    void add(List<RawSection> sections, ProfileFileType file) {
      boolean prefixedDefault = false;
      if (file == ProfileFileType.CONFIG) {
        for (RawSection section : sections) {
          String[] key = sectionKey(section.name);
          prefixedDefault |= PROFILE_PREFIX.equals(key[0]) && DEFAULT.equals(key[1]);
        }
      }
      for (RawSection section : sections) {
        Map<String, ProfileProperty> target = target(sectionKey(section.name), file, prefixedDefault);
        if (target == null) {
          continue;
        }
        for (Map.Entry<String, StringBuilder> property : section.properties.entrySet()) {
          String name = property.getKey();
          if (isIdentifier(name)) {
            StringBuilder value = property.getValue();
            target.put(name, new ProfileProperty(name, value == null ? null : value.toString(), file,
                SECRETS.contains(name)));
          }
        }
      }
    }

    /** Where a section's properties go, or null if the SDKs ignore the section. */
    private Map<String, ProfileProperty> target(String[] key, ProfileFileType file, boolean prefixedDefault) {
      String prefix = key[0];
      String name = key[1];
      if (!isIdentifier(name)) {
        return null;
      }
      if (file == ProfileFileType.CREDENTIALS) {
        return prefix == null ? section(profiles, name) : null;
      }
      if (prefix == null) {
        // [default] is the only unprefixed config section, and [profile default] replaces it entirely.
        return DEFAULT.equals(name) && !prefixedDefault ? section(profiles, name) : null;
      }
      if (PROFILE_PREFIX.equals(prefix)) {
        return section(profiles, name);
      }
      if (SSO_SESSION_PREFIX.equals(prefix)) {
        return section(ssoSessions, name);
      }
      return SERVICES_PREFIX.equals(prefix) ? section(services, name) : null;
    }

    private static Map<String, ProfileProperty> section(Map<String, Map<String, ProfileProperty>> all, String name) {
      Map<String, ProfileProperty> section = all.get(name);
      if (section == null) {
        section = new LinkedHashMap<String, ProfileProperty>();
        all.put(name, section);
      }
      return section;
    }

    Map<String, Profile> sections(Map<String, Map<String, ProfileProperty>> all) {
      Map<String, Profile> result = new LinkedHashMap<String, Profile>();
      for (Map.Entry<String, Map<String, ProfileProperty>> section : all.entrySet()) {
        result.put(section.getKey(), new Profile(section.getKey(), section.getValue()));
      }
      return Collections.unmodifiableMap(result);
    }
  }
}
