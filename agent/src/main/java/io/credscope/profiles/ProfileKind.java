package io.credscope.profiles;

/**
 * How the SDKs would get credentials from a profile. The constants are in the order {@link ProfileClassifier}
 * tries them, which is the order in which the SDKs let one set of properties take precedence over another.
 */
public enum ProfileKind {
  /** {@code role_arn} with {@code source_profile} or {@code credential_source}: STS AssumeRole. */
  ASSUME_ROLE,
  /** {@code role_arn} with {@code web_identity_token_file}: STS AssumeRoleWithWebIdentity. */
  WEB_IDENTITY,
  /** {@code sso_session} or the legacy {@code sso_start_url}: IAM Identity Center. */
  SSO,
  /** {@code credential_process}: an external command prints the credentials. */
  PROCESS,
  /** {@code aws_access_key_id} with {@code aws_secret_access_key}: keys written in the file. */
  STATIC,
  /** None of the above: the profile holds settings only, such as a region, and gives no credentials. */
  NONE
}
