package io.credscope.sigv4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SigV4ParserTest {

  /** Where CI puts the shared corpora, relative to the agent module's working directory. */
  private static final Path CORPORA = Path.of("../../shared/corpora");
  private static final Path AWS4_SUITE = CORPORA.resolve("botocore-aws4-testsuite");
  private static final Path SMITHY_EXTRA = CORPORA.resolve("smithy-rs-sigv4-extra");

  /** SOURCES.md: 24 top-level cases, 8 under normalize-path/, 2 under post-sts-token/. */
  private static final int AWS4_CASES = 34;
  private static final int SMITHY_EXTRA_CASES = 2;

  private static final String SESSION_TOKEN =
      "IQoJb3JpZ2luX2VjEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuw"
          + "thAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx"
          + "6q6fE8+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz==";

  private static final String S3_PRESIGNED = "X-Amz-Algorithm=AWS4-HMAC-SHA256"
      + "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request"
      + "&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host"
      + "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404";

  private static final String SIGV4A_HEADER = "AWS4-ECDSA-P256-SHA256 Credential=AKIDEXAMPLE/20150830/service/"
      + "aws4_request, SignedHeaders=host;x-amz-date;x-amz-region-set, Signature=3045022100f4c37457a8978d07fa07"
      + "044d5724237f8c30f8529c4c4cd1f30a4c0e6486303f02207968f80296f1ac3808e3cb45ae1f31c479d071dcad4f0621084cd6d1b6";

  // --- (a) botocore's copy of the aws-sig-v4-test-suite -------------------------------------------------------

  /**
   * One botocore case file: a {@code .authz} (the header value alone) or a {@code .sreq} (a whole signed request).
   * The scope and signed headers to expect come from the same case's {@code .sts} and {@code .creq}, which the
   * parser never reads.
   */
  record Aws4Case(String name, String authorization, boolean tokenHeader, String scopeFromSts,
      String signedHeadersFromCreq, String amzDate) {

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Aws4Case> aws4Cases() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(AWS4_SUITE)) {
      files = walk.filter(file -> file.toString().endsWith(".authz") || file.toString().endsWith(".sreq"))
          .sorted().toList();
    }
    List<Aws4Case> cases = new ArrayList<>();
    for (Path file : files) {
      String fileName = file.getFileName().toString();
      String base = fileName.substring(0, fileName.lastIndexOf('.'));
      List<String> sts = lines(file.resolveSibling(base + ".sts"));
      List<String> creq = lines(file.resolveSibling(base + ".creq"));
      String scope = sts.get(2);
      String signedHeaders = creq.get(creq.size() - 2);
      String amzDate = sts.get(1);
      if (fileName.endsWith(".authz")) {
        cases.add(new Aws4Case(AWS4_SUITE.relativize(file).toString(), read(file), false, scope,
            signedHeaders, amzDate));
      } else {
        List<String> request = lines(file);
        cases.add(new Aws4Case(AWS4_SUITE.relativize(file).toString(), headerValue(request, "Authorization"),
            headerValue(request, "X-Amz-Security-Token") != null, scope, signedHeaders, amzDate));
      }
    }
    // Every case must contribute both forms; a missing corpus must fail, not pass with nothing tested.
    assertEquals(2 * AWS4_CASES, cases.size(), "aws4 suite files found under " + AWS4_SUITE.toAbsolutePath());
    return cases.stream();
  }

  @Test
  void theAws4SuiteHasAllItsCases() throws IOException {
    try (Stream<Path> walk = Files.walk(AWS4_SUITE)) {
      List<Path> authz = walk.filter(file -> file.toString().endsWith(".authz")).toList();
      assertEquals(AWS4_CASES, authz.size());
      for (Path file : authz) {
        String base = file.getFileName().toString().replace(".authz", "");
        assertEquals(base, file.getParent().getFileName().toString(), "one case per directory");
        assertTrue(Files.exists(file.resolveSibling(base + ".sreq")), base);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("aws4Cases")
  void readsEveryAws4SuiteCase(Aws4Case testCase) {
    assertNotNull(testCase.authorization(), "no Authorization header");
    assertTrue(SigV4Parser.looksSigned(testCase.authorization()));
    SigV4Authorization parsed =
        SigV4Parser.parseAuthorizationHeader(testCase.authorization(), null, testCase.tokenHeader());
    assertNotNull(parsed, testCase.authorization());
    assertEquals(SigV4Algorithm.HMAC_SHA256, parsed.algorithm());
    assertEquals("AKIDEXAMPLE", parsed.accessKeyId());
    assertEquals("20150830", parsed.date());
    assertEquals("us-east-1", parsed.region());
    assertEquals("service", parsed.service());
    assertEquals(testCase.scopeFromSts(),
        parsed.date() + "/" + parsed.region() + "/" + parsed.service() + "/aws4_request", "scope in the .sts");
    assertTrue(testCase.amzDate().startsWith(parsed.date()), "X-Amz-Date in the .sts");
    assertEquals(testCase.signedHeadersFromCreq(), parsed.signedHeaders(), "signed headers in the .creq");
    assertFalse(parsed.presigned());
    assertEquals(-1, parsed.expiresSeconds());
    assertNull(parsed.signedAt());
    // Known from a signed token header (post-sts-header-before, get-vanilla-with-session-token) or, in a .sreq,
    // from the request's own header (post-sts-header-after, where the token is added after signing).
    assertEquals(testCase.signedHeadersFromCreq().contains("x-amz-security-token") || testCase.tokenHeader(),
        parsed.hasSecurityToken());
  }

  // --- (b) the two cases smithy-rs kept ------------------------------------------------------------------------

  /** The Authorization line of a smithy-rs case, the values a plain regular expression reads from it, and more. */
  record SmithyCase(String name, String authorization, String key, String date, String region, String service,
      String amzDate, String scopeFromStringToSign) {

    @Override
    public String toString() {
      return name;
    }
  }

  private static final Pattern CREDENTIAL =
      Pattern.compile("Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request,");

  static Stream<SmithyCase> smithyCases() throws IOException {
    List<SmithyCase> cases = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(SMITHY_EXTRA)) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        List<String> request = lines(dir.resolve("header-signed-request.txt"));
        String authorization = headerValue(request, "Authorization");
        Matcher credential = CREDENTIAL.matcher(authorization);
        assertTrue(credential.find(), authorization);
        Path stringToSign = dir.resolve("header-string-to-sign.txt");
        String scope = Files.exists(stringToSign) ? lines(stringToSign).get(2) : null;
        cases.add(new SmithyCase(dir.getFileName().toString(), authorization, credential.group(1),
            credential.group(2), credential.group(3), credential.group(4),
            headerValue(request, "X-Amz-Date").strip(), scope));
      }
    }
    assertEquals(SMITHY_EXTRA_CASES, cases.size(), "smithy-rs cases found under " + SMITHY_EXTRA.toAbsolutePath());
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("smithyCases")
  void readsTheSmithyRsCases(SmithyCase testCase) {
    SigV4Authorization parsed = SigV4Parser.parseAuthorizationHeader(testCase.authorization(), null);
    assertNotNull(parsed, testCase.authorization());
    assertEquals(testCase.key(), parsed.accessKeyId());
    assertEquals(testCase.date(), parsed.date());
    assertEquals(testCase.region(), parsed.region());
    assertEquals(testCase.service(), parsed.service());
    assertEquals("host;x-amz-date", parsed.signedHeaders());
    assertTrue(testCase.amzDate().startsWith(parsed.date()), "X-Amz-Date header " + testCase.amzDate());
    if (testCase.scopeFromStringToSign() != null) {
      assertEquals(testCase.scopeFromStringToSign(),
          parsed.date() + "/" + parsed.region() + "/" + parsed.service() + "/aws4_request");
    }
  }

  @Test
  void theSmithyRsCasesAreTheOnesSourcesMdDescribes() throws IOException {
    List<SmithyCase> cases = smithyCases().toList();
    SmithyCase encodePath = cases.get(0);
    assertEquals("double-encode-path", encodePath.name());
    // "Authorization:AWS4-..." with no space after the colon.
    assertEquals("ANOTREAL", SigV4Parser.parseAuthorizationHeader(encodePath.authorization(), null).accessKeyId());
    SmithyCase urlEncode = cases.get(1);
    assertEquals("double-url-encode", urlEncode.name());
    SigV4Authorization lambda = SigV4Parser.parseAuthorizationHeader(urlEncode.authorization(), null);
    assertEquals("AKIDEXAMPLE", lambda.accessKeyId());
    assertEquals("20210511", lambda.date());
    assertEquals("us-east-2", lambda.region());
    assertEquals("lambda", lambda.service());
  }

  // --- (c) hand-written cases -----------------------------------------------------------------------------------

  @Test
  void sigV4aTakesItsRegionsFromTheRegionSetHeader() {
    SigV4Authorization parsed = SigV4Parser.parseAuthorizationHeader(SIGV4A_HEADER, " us-east-1,us-west-2 ");
    assertNotNull(parsed);
    assertEquals(SigV4Algorithm.ECDSA_P256_SHA256, parsed.algorithm());
    assertTrue(parsed.algorithm().multiRegion());
    assertEquals("AKIDEXAMPLE", parsed.accessKeyId());
    assertEquals("20150830", parsed.date());
    assertEquals("us-east-1,us-west-2", parsed.region());
    assertEquals("service", parsed.service());
    assertTrue(parsed.signsHeader("X-Amz-Region-Set"));
    assertFalse(parsed.hasSecurityToken());
    assertTrue(SigV4Parser.looksSigned(SIGV4A_HEADER));
  }

  @Test
  void sigV4aWithoutRegionSetHasNoRegion() {
    SigV4Authorization parsed = SigV4Parser.parseAuthorizationHeader(SIGV4A_HEADER, null);
    assertNotNull(parsed);
    assertNull(parsed.region());
    assertEquals("service", parsed.service());
    assertNull(SigV4Parser.parseAuthorizationHeader(SIGV4A_HEADER, "  ").region());
  }

  @Test
  void scopeShapeMustMatchTheAlgorithm() {
    // SigV4a scopes have no region; SigV4 scopes must have one.
    assertNull(SigV4Parser.parseAuthorizationHeader("AWS4-ECDSA-P256-SHA256 Credential=AKID/20150830/us-east-1/"
        + "service/aws4_request, SignedHeaders=host, Signature=30", null));
    assertNull(SigV4Parser.parseAuthorizationHeader(
        "AWS4-HMAC-SHA256 Credential=AKID/20150830/service/aws4_request, SignedHeaders=host, Signature=ab", null));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/service/aws4_request,SignedHeaders=host;x-amz-date,"
          + "Signature=abc",
      "   AWS4-HMAC-SHA256    Credential=AKID/20150830/us-east-1/service/aws4_request ,  SignedHeaders=host;"
          + "x-amz-date  ,Signature=abc   ",
      "AWS4-HMAC-SHA256\tCredential = AKID/20150830/us-east-1/service/aws4_request,\tSignedHeaders= host;x-amz-date"
          + ", Signature =abc",
      "AWS4-HMAC-SHA256 Signature=abc, SignedHeaders=host;x-amz-date, Credential=AKID/20150830/us-east-1/service/"
          + "aws4_request",
      "AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/service/aws4_request, Unknown=1, SignedHeaders=host;"
          + "x-amz-date, Signature=abc,",
  })
  void toleratesSpacingAndOrderOfComponents(String header) {
    SigV4Authorization parsed = SigV4Parser.parseAuthorizationHeader(header, null);
    assertNotNull(parsed, header);
    assertEquals("AKID", parsed.accessKeyId());
    assertEquals("20150830", parsed.date());
    assertEquals("us-east-1", parsed.region());
    assertEquals("service", parsed.service());
    assertEquals("host;x-amz-date", parsed.signedHeaders());
  }

  @Test
  void readsAPresignedS3Get() {
    SigV4Authorization parsed = SigV4Parser.parsePresignedQuery(S3_PRESIGNED);
    assertNotNull(parsed);
    assertEquals(SigV4Algorithm.HMAC_SHA256, parsed.algorithm());
    assertEquals("AKIAIOSFODNN7EXAMPLE", parsed.accessKeyId());
    assertEquals("20130524", parsed.date());
    assertEquals("us-east-1", parsed.region());
    assertEquals("s3", parsed.service());
    assertEquals("host", parsed.signedHeaders());
    assertTrue(parsed.presigned());
    assertEquals(86400, parsed.expiresSeconds());
    assertEquals("20130524T000000Z", parsed.signedAt());
    assertFalse(parsed.hasSecurityToken());
  }

  @Test
  void aPresignedUrlWithASessionTokenSaysSoButKeepsNoTokenValue() throws IllegalAccessException {
    String encodedToken = URLEncoder.encode(SESSION_TOKEN, StandardCharsets.UTF_8);
    String url = "https://examplebucket.s3.amazonaws.com/test.txt?" + S3_PRESIGNED + "&X-Amz-Security-Token="
        + encodedToken + "#fragment";
    SigV4Authorization parsed = SigV4Parser.parsePresignedQuery(url);
    assertNotNull(parsed);
    assertTrue(parsed.hasSecurityToken());
    assertEquals("AKIAIOSFODNN7EXAMPLE", parsed.accessKeyId());
    assertEquals("s3", parsed.service());
    assertFalse(parsed.toString().contains(encodedToken.substring(0, 16)));
    assertFalse(parsed.toString().contains(SESSION_TOKEN.substring(0, 16)));
    for (Field field : SigV4Authorization.class.getDeclaredFields()) {
      field.setAccessible(true);
      Object value = field.get(parsed);
      if (value instanceof String text) {
        assertFalse(text.contains(SESSION_TOKEN.substring(0, 16)), field.getName());
        assertFalse(text.contains(encodedToken.substring(0, 16)), field.getName());
      }
    }
  }

  @Test
  void toStringMasksTheAccessKey() {
    String text = SigV4Parser.parsePresignedQuery(S3_PRESIGNED).toString();
    assertFalse(text.contains("AKIAIOSFODNN7EXAMPLE"), text);
    assertTrue(text.contains("AKIA\u2026MPLE"), text);
  }

  @Test
  void presignedQueriesDecodeEverythingTheyKeep() {
    SigV4Authorization parsed = SigV4Parser.parsePresignedQuery("X-Amz-Signature=00&X-Amz-SignedHeaders=host%3B"
        + "x-amz-region-set&X-Amz-Region-Set=us-east-1%2Cus-west-2&X-Amz-Algorithm=AWS4-ECDSA-P256-SHA256"
        + "&X-Amz-Credential=AKIDEXAMPLE%2f20150830%2Fs3%2Faws4_request&X-Amz-Date=20150830T123600Z");
    assertNotNull(parsed);
    assertEquals(SigV4Algorithm.ECDSA_P256_SHA256, parsed.algorithm());
    assertEquals("us-east-1,us-west-2", parsed.region());
    assertEquals("s3", parsed.service());
    assertEquals("host;x-amz-region-set", parsed.signedHeaders());
    assertEquals(-1, parsed.expiresSeconds(), "no X-Amz-Expires");
  }

  @Test
  void anUnreadableExpiryIsUnknownNotAFailure() {
    assertEquals(-1, SigV4Parser.parsePresignedQuery(S3_PRESIGNED.replace("86400", "1d")).expiresSeconds());
    assertEquals(-1,
        SigV4Parser.parsePresignedQuery(S3_PRESIGNED.replace("86400", "9".repeat(40))).expiresSeconds());
  }

  @Test
  void malformedHeadersGiveNull() {
    String[] headers = {
        null,
        "",
        "   ",
        "Basic abc",
        "Bearer eyJhbGciOi",
        "AWS AKIAIOSFODNN7EXAMPLE:frJIUN8DYpKDtOLCwo//yllqDzg=",
        "AWS4-HMAC-SHA256",
        "AWS4-HMAC-SHA256 ",
        "AWS4-HMAC-SHA256 Credential=AKID/2015",
        "AWS4-HMAC-SHA256Credential=AKID/20150830/us-east-1/service/aws4_request, SignedHeaders=host, Signature=a",
        "AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/service/aws4_request, SignedHeaders=host",
        "AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/service/aws4_request, Signature=abc",
        "AWS4-HMAC-SHA256 SignedHeaders=host, Signature=abc",
        "AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/service/aws4_request, SignedHeaders=host, Signature=",
        "AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/service/aws5_request, SignedHeaders=host, Signature=a",
        "AWS4-HMAC-SHA256 Credential=AKID/2015083/us-east-1/service/aws4_request, SignedHeaders=host, Signature=a",
        "AWS4-HMAC-SHA256 Credential=AKID/2015083x/us-east-1/service/aws4_request, SignedHeaders=host, Signature=a",
        "AWS4-HMAC-SHA256 Credential=/20150830/us-east-1/service/aws4_request, SignedHeaders=host, Signature=a",
        "AWS4-HMAC-SHA256 Credential=AKID/20150830//service/aws4_request, SignedHeaders=host, Signature=a",
        "AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/service/aws4_request/x, SignedHeaders=h, Signature=a",
        "AWS4-HMAC-SHA256 Credential=AK ID/20150830/us-east-1/service/aws4_request, SignedHeaders=h, Signature=a",
        "aws4-hmac-sha256 Credential=AKID/20150830/us-east-1/service/aws4_request, SignedHeaders=h, Signature=a",
        "AWS4-HMAC-SHA1 Credential=AKID/20150830/us-east-1/service/aws4_request, SignedHeaders=h, Signature=a",
    };
    for (String header : headers) {
      assertNull(SigV4Parser.parseAuthorizationHeader(header, null), String.valueOf(header));
      assertNull(SigV4Parser.parseAuthorizationHeader(header, "us-east-1", true), String.valueOf(header));
    }
  }

  @Test
  void malformedQueriesGiveNull() {
    String[] queries = {
        null,
        "",
        "?",
        "a=b&c",
        "&&&==&",
        "X-Amz-Algorithm=AWS4-HMAC-SHA256",
        S3_PRESIGNED.replace("AWS4-HMAC-SHA256", "AWS4-HMAC-SHA1"),
        S3_PRESIGNED.replace("AWS4-HMAC-SHA256", "AWS4-HMAC-SHA256X"),
        S3_PRESIGNED.replace("%2Faws4_request", ""),
        S3_PRESIGNED.replace("%2Fs3%2Faws4_request", "%2"),
        S3_PRESIGNED.replace("%2Fus-east-1", "%ZZus-east-1"),
        S3_PRESIGNED.replace("%2F20130524", "%2F2013"),
        S3_PRESIGNED.replace("&X-Amz-Signature=", "&X-Amz-Sig="),
        S3_PRESIGNED.replace("X-Amz-SignedHeaders=host", "X-Amz-SignedHeaders="),
        S3_PRESIGNED.replace("X-Amz-Credential=AKIAIOSFODNN7EXAMPLE", "X-Amz-Credential=AKIA\u00e9"),
        "X-Amz-Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request",
    };
    for (String query : queries) {
      assertNull(SigV4Parser.parsePresignedQuery(query), String.valueOf(query));
    }
  }

  @Test
  void looksSignedIsAPrefixCheck() {
    assertTrue(SigV4Parser.looksSigned("AWS4-HMAC-SHA256 Credential=x"));
    assertTrue(SigV4Parser.looksSigned("  AWS4-ECDSA-P256-SHA256 "));
    assertFalse(SigV4Parser.looksSigned(null));
    assertFalse(SigV4Parser.looksSigned(""));
    assertFalse(SigV4Parser.looksSigned("AWS4-HMAC"));
    assertFalse(SigV4Parser.looksSigned("Basic abc"));
  }

  @Test
  void everyTruncationOfAValidInputIsHandled() {
    String header = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
        + "SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31";
    int signatureValue = header.indexOf("Signature=") + "Signature=".length();
    for (int cut = 0; cut <= header.length(); cut++) {
      SigV4Authorization parsed = SigV4Parser.parseAuthorizationHeader(header.substring(0, cut), null);
      assertEquals(cut > signatureValue, parsed != null, "cut at " + cut);
    }
    for (int cut = 0; cut <= S3_PRESIGNED.length(); cut++) {
      SigV4Parser.parsePresignedQuery(S3_PRESIGNED.substring(0, cut));
    }
    assertNull(SigV4Parser.parsePresignedQuery(S3_PRESIGNED.substring(0, S3_PRESIGNED.indexOf("&X-Amz-Signature"))));
  }

  @Test
  void randomGarbageNeverThrows() {
    String alphabet =
        "AWS4-HMAC-SHA256ECDSAP /%2Ff,;=&?#Credential=SignedHeaders=Signature=X-Amz-aws4_request0123456789\t";
    Random random = new Random(42);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder(random.nextBoolean() ? "AWS4-HMAC-SHA256 " : "X-Amz-Algorithm=");
      int length = random.nextInt(120);
      for (int j = 0; j < length; j++) {
        text.append(random.nextInt(10) == 0 ? (char) random.nextInt(0x3000) : alphabet.charAt(
            random.nextInt(alphabet.length())));
      }
      String input = text.toString();
      SigV4Parser.parseAuthorizationHeader(input, input);
      SigV4Parser.parsePresignedQuery(input);
      SigV4Parser.looksSigned(input);
    }
  }

  // --- corpus reading ---------------------------------------------------------------------------------------------

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  private static List<String> lines(Path file) throws IOException {
    return read(file).lines().toList();
  }

  /**
   * The value of the first header line with this name (any case), as it stands after the colon: the parser must
   * cope with the space the corpora put there (or not).
   */
  private static String headerValue(List<String> request, String name) {
    String prefix = name.toLowerCase(Locale.ROOT) + ":";
    for (String line : request) {
      if (line.toLowerCase(Locale.ROOT).startsWith(prefix)) {
        return line.substring(prefix.length());
      }
    }
    return null;
  }
}
