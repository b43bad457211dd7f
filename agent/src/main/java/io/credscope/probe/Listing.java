package io.credscope.probe;

import java.util.List;

/** Joins names the way a sentence lists them: "a", "a and b", "a, b and c". */
public final class Listing {

  private Listing() {
  }

  public static String and(List<String> items) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        text.append(i == items.size() - 1 ? " and " : ", ");
      }
      text.append(items.get(i));
    }
    return text.toString();
  }
}
