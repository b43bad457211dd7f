package io.credscope.control;

import io.credscope.bridge.Bridge;

/**
 * The bootstrap bridge seen from the core. Its own class, so that nothing links against the bridge before the
 * installer has checked that the bootstrap loader has it: classes there can never be unloaded, so a detached
 * credscope leaves the bridge behind, on the no-op dispatcher, and the next attach puts a new core behind it.
 */
final class BridgeSwitch {

  private BridgeSwitch() {
  }

  /** Whether some core dispatches through the bridge now. */
  static boolean inUse() {
    return Bridge.installed();
  }

  /** Advice still running in old method versions then reports to no one. */
  static void toNoOp() {
    Bridge.install(null);
  }
}
