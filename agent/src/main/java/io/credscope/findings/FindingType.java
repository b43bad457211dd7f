package io.credscope.findings;

import io.credscope.events.Finding.Severity;

/**
 * The catalogue: every finding credscope can raise, with its stable id and severity. The README's table is checked
 * against this list, so a finding cannot ship undocumented.
 */
public enum FindingType {
  KEYS_SHADOW_ROLE(Severity.HIGH,
      "keys from system properties, the environment, a profile or code win while a web-identity, container or "
          + "instance role is available"),
  HARDCODED_KEY(Severity.CRITICAL,
      "static credentials built in application code; critical when the key id is a literal in the class, else high"),
  LONG_TERM_KEY_WITH_ROLE(Severity.MEDIUM, "a long-term AKIA key is in use on a host that offers a role"),
  CREDENTIALS_FILE_READABLE(Severity.MEDIUM,
      "the credentials or config file that supplied keys is readable by group or others"),
  MULTIPLE_IDENTITIES(Severity.INFO, "more than one access key is in use in one JVM"),
  SESSION_EXPIRED(Severity.HIGH, "session credentials past their expiration are still handed out"),
  IMDSV1_CALL(Severity.HIGH, "code reads from the instance metadata service without a session token (IMDSv1)"),
  IMDSV1_FALLBACK(Severity.HIGH,
      "an SDK's token request to the instance metadata service failed and it fell back to IMDSv1"),
  PRESIGNED_URL_LONG_EXPIRY(Severity.LOW, "a presigned URL in use stays valid for more than 24 hours"),
  ENCODED_AUTH_FAILURE(Severity.INFO,
      "an AWS error response carries an encoded authorization failure message, which STS can decode"),
  CONFIGURED_SOURCE_FAILED(Severity.HIGH,
      "a credential source whose settings are present failed, and a source later in the chain supplied the "
          + "credentials instead"),
  PROFILE_SETTING_IGNORED(Severity.MEDIUM,
      "the SDK ignores settings of the profile it reads (SDK v1: credential_source, sso_*, web_identity_token_file)"),
  MISSING_PERMISSION(Severity.MEDIUM,
      "AWS denied a call (AccessDenied, AccessDeniedException, UnauthorizedOperation): the identity lacks the IAM "
          + "action it needs"),
  RETRY_BUDGET_EXHAUSTED(Severity.MEDIUM,
      "throttling went on so long that credscope's retry budget ran out, and calls failed with the server's answer"),
  HOST_PROBE_UNFINISHED(Severity.INFO,
      "the JVM exited while the host probe for a winner was still under way, so whether it shadows a role is unknown");

  private final Severity severity;
  private final String trigger;

  FindingType(Severity severity, String trigger) {
    this.severity = severity;
    this.trigger = trigger;
  }

  /** The id in audit records and the README: the constant's name. */
  public String id() {
    return name();
  }

  /** The usual severity; a rule may lower it when its evidence is weaker, as for an unproven hard-coded key. */
  public Severity severity() {
    return severity;
  }

  /** What raises it, in one line. */
  public String trigger() {
    return trigger;
  }
}
