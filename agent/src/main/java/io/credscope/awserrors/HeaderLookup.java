package io.credscope.awserrors;

/**
 * Read access to a response's headers, so that each HTTP client hook can hand over its own header type
 * without copying it into a map.
 */
public interface HeaderLookup {

  /**
   * The first value of the header with this name, matched without regard to case, or null if absent.
   * The classifier asks with lower-case names.
   */
  String get(String nameCaseInsensitive);
}
