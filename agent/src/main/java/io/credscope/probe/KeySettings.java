package io.credscope.probe;

/** The three settings one key-bearing source reads: access key id, secret key and, optionally, a session token. */
final class KeySettings {

  final Setting accessKeyId;
  final Setting secretKey;
  final Setting sessionToken;

  KeySettings(Setting accessKeyId, Setting secretKey, Setting sessionToken) {
    this.accessKeyId = accessKeyId;
    this.secretKey = secretKey;
    this.sessionToken = sessionToken;
  }
}
