package io.credscope.findings;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ConstantPoolStringsTest {

  static final String LITERAL = "AKIALITERALINPOOL001";

  /** Holds the literal, among constants of every width, so the parser must step over all of them. */
  static final class WithLiteral {
    static long wide(long factor) {
      return factor * 1099511627776L;
    }

    static double wider(double factor) {
      return factor * 2.5;
    }

    static String key() {
      return LITERAL;
    }
  }

  static final class WithoutLiteral {
    static String key(String configured) {
      return configured.trim();
    }
  }

  @Test
  void findsAStringConstantOfTheClass() throws IOException {
    assertTrue(ConstantPoolStrings.contains(bytesOf(WithLiteral.class), LITERAL));
  }

  @Test
  void findsNothingInAClassThatOnlyReadsIt() throws IOException {
    assertFalse(ConstantPoolStrings.contains(bytesOf(WithoutLiteral.class), LITERAL));
  }

  @Test
  void aPrefixOfAConstantIsNoMatch() throws IOException {
    assertFalse(ConstantPoolStrings.contains(bytesOf(WithLiteral.class), LITERAL.substring(0, 12)));
  }

  @Test
  void bytesThatAreNoClassFileHoldNothing() throws IOException {
    byte[] real = bytesOf(WithLiteral.class);
    assertFalse(ConstantPoolStrings.contains(LITERAL.getBytes(java.nio.charset.StandardCharsets.US_ASCII), LITERAL));
    for (int cut = 0; cut < real.length; cut += 7) {
      // A truncated class never throws; it may or may not reach the constant before the cut.
      ConstantPoolStrings.contains(Arrays.copyOf(real, cut), LITERAL);
    }
  }

  static byte[] bytesOf(Class<?> type) throws IOException {
    try (InputStream in = type.getClassLoader().getResourceAsStream(type.getName().replace('.', '/') + ".class")) {
      return in.readAllBytes();
    }
  }
}
