package io.credscope.demo.app;

/**
 * One SDK's clients, built as an application builds them (no credentials given, so the SDK's
 * default chain), making the same AWS calls.
 */
interface Workload extends AutoCloseable {

  /** As on the command line: {@code v1} or {@code v2}. */
  String sdk();

  /** The SDK's own version, as it reports it at run time. */
  String sdkVersion();

  /**
   * Makes one round of sts:GetCallerIdentity, s3:ListBuckets and dynamodb:ListTables.
   *
   * @return the identity STS says the application has
   */
  String round();

  @Override
  void close();
}
