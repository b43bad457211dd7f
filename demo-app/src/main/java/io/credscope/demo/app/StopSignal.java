package io.credscope.demo.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/** When {@code --until-stopped} stops: once a file exists, or once standard input ends ({@code stdin}). */
abstract class StopSignal {

  abstract boolean stopped();

  static StopSignal of(String how) {
    if (how.equals("stdin")) {
      AtomicBoolean ended = new AtomicBoolean();
      Thread reader = new Thread(() -> {
        try {
          InputStream in = System.in;
          while (in.read() != -1) {
            // Any line goes on; only the end of input stops.
          }
        } catch (IOException closed) {
          // Ended all the same.
        }
        ended.set(true);
      }, "stdin-stop");
      reader.setDaemon(true);
      reader.start();
      return new StopSignal() {
        @Override
        boolean stopped() {
          return ended.get();
        }
      };
    }
    Path file = Path.of(how);
    return new StopSignal() {
      @Override
      boolean stopped() {
        return Files.exists(file);
      }
    };
  }
}
