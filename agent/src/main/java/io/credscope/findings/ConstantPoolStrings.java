package io.credscope.findings;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a class file's constant pool for a string, which is where a literal in the source ends
 * up: {@code "AKIA..."} in code, or a {@code static final} constant of another class, which javac
 * copies into every class using it. Parses the pool's layout rather than searching raw bytes, so a
 * match is a real string constant.
 */
final class ConstantPoolStrings {

  private static final int MAGIC = 0xCAFEBABE;

  private ConstantPoolStrings() {
  }

  /**
   * @param value plain ASCII, as access key ids are, whose modified UTF-8 form is its ASCII bytes
   * @return whether the pool holds it as a UTF-8 constant; {@code false} for bytes that are no class file
   */
  static boolean contains(byte[] classFile, String value) {
    byte[] wanted = value.getBytes(StandardCharsets.US_ASCII);
    try {
      if (u4(classFile, 0) != MAGIC) {
        return false;
      }
      int count = u2(classFile, 8);
      int at = 10;
      for (int index = 1; index < count; index++) {
        int tag = classFile[at] & 0xFF;
        switch (tag) {
          case 1: // Utf8
            int length = u2(classFile, at + 1);
            if (length == wanted.length
                && Arrays.equals(Arrays.copyOfRange(classFile, at + 3, at + 3 + length), wanted)) {
              return true;
            }
            at += 3 + length;
            break;
          case 3: case 4: // Integer, Float
          case 9: case 10: case 11: case 12: // field, method, interface method refs, NameAndType
          case 17: case 18: // Dynamic, InvokeDynamic
            at += 5;
            break;
          case 5: case 6: // Long, Double take two slots
            at += 9;
            index++;
            break;
          case 7: case 8: case 16: case 19: case 20: // Class, String, MethodType, Module, Package
            at += 3;
            break;
          case 15: // MethodHandle
            at += 4;
            break;
          default:
            return false;
        }
      }
      return false;
    } catch (ArrayIndexOutOfBoundsException truncated) {
      return false;
    }
  }

  private static int u2(byte[] bytes, int at) {
    return (bytes[at] & 0xFF) << 8 | bytes[at + 1] & 0xFF;
  }

  private static int u4(byte[] bytes, int at) {
    return u2(bytes, at) << 16 | u2(bytes, at + 2);
  }
}
