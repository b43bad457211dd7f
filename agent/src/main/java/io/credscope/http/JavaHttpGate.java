package io.credscope.http;

/**
 * The body handler credscope puts in place of the application's for a {@code java.net.http} AWS call it may send
 * again: {@code GatedBodyHandler}, compiled against {@code java.net.http} apart from the Java 8 code, which knows it
 * by this interface.
 */
interface JavaHttpGate {

  /** The exchange whose answer this handler gates. */
  JavaHttpExchange exchange();
}
