package io.credscope.http;

import io.credscope.awserrors.AwsErrorClassifier;
import io.credscope.awserrors.AwsErrorCode;
import io.credscope.credentials.AccessKeyId;
import io.credscope.events.AwsCall;
import io.credscope.events.CallIdentity;
import io.credscope.events.Event;
import io.credscope.events.Finding;
import io.credscope.events.KeyAccepted;
import io.credscope.findings.FindingType;
import io.credscope.lru.LruTable;
import io.credscope.recorder.CallPath;
import io.credscope.recorder.Resolution;
import io.credscope.sigv4.SigV4Authorization;
import io.credscope.sigv4.SigV4Parser;
import java.io.InputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What the HTTP hooks hand over, turned into calls: which key signed for which service and region, linked to the
 * source the credentials hooks attributed it to, and IMDS traffic. Every request of every hooked client passes
 * here, so a call that carries no SigV4 signature and goes to no metadata address returns after a few string
 * checks, allocating nothing. An AWS call parses its signature and counts; only the first of each (key, service,
 * region, source) pays for a stack walk and an {@code aws.call} event.
 */
public final class HttpCallRecorder {

  /** What starts a SigV4a {@code Authorization} header, whose regions are in {@code X-Amz-Region-Set}. */
  static final String SIGV4A_PREFIX = "AWS4-ECDSA";
  /** What marks a presigned URL's query. */
  static final String PRESIGNED_MARK = "X-Amz-Credential";
  /** Presigned URLs valid for longer than this are {@code PRESIGNED_URL_LONG_EXPIRY}. */
  static final long LONG_EXPIRY_SECONDS = 24 * 60 * 60;
  /**
   * Call sites remembered: beyond this, the one used least recently is forgotten, and reported again, as new, should
   * a call of it come back. Its counts go on in the same counter rows.
   */
  static final int MAX_SITES = 1024;
  /** Keys and services whose long-lived presigned URLs were reported, least recently used forgotten first. */
  static final int MAX_LONG_EXPIRIES = 256;

  private final Function<String, Resolution> credentials;
  private final Consumer<Event> events;
  private final Clock clock;
  private final ImdsEndpoints imdsEndpoints;
  private final ImdsTraffic imds;
  private final CallCounters counters = new CallCounters();
  private final LruTable<String, AwsCallSite> sites = new LruTable<String, AwsCallSite>(MAX_SITES, null);
  /** The sites of header-signed calls from attributed keys, by credential scope: the repeated call's fast path. */
  private final CredentialScopeCache scopes = new CredentialScopeCache();
  private final AwsErrors errors;
  /** The AWS call whose error response the hook on this thread is about to hand over; never its target's query. */
  final ThreadLocal<AwsErrors.ErroredCall> erroredCalls = new ThreadLocal<AwsErrors.ErroredCall>();
  private final LruTable<String, Seen> longExpiries = new LruTable<String, Seen>(MAX_LONG_EXPIRIES, null);
  private final CallRetries retries;
  /** The {@code X-Amz-Region-Set} of the SigV4a request the hook on this thread is about to report. */
  private final ThreadLocal<String> regionSets = new ThreadLocal<String>();
  private final SdkOperations sdkOperations = new SdkOperations();

  /**
   * @param credentials the reported resolution of an access key id, or {@code null} when credscope never saw it
   * @param properties and environment say where the SDKs are told IMDS is
   * @param retries what retries the AWS calls seen, or watches the SDKs' retries of them
   */
  public HttpCallRecorder(Function<String, Resolution> credentials, Consumer<Event> events, Clock clock,
      Properties properties, Map<String, String> environment, CallRetries retries) {
    this.retries = retries;
    this.credentials = credentials;
    this.events = events;
    this.clock = clock;
    this.imdsEndpoints = new ImdsEndpoints(properties, environment);
    this.imds = new ImdsTraffic(events, clock);
    this.errors = new AwsErrors(events, clock);
  }

  /** See {@code Bridge.httpExchange}: the hot path of every hooked HTTP request. */
  public boolean exchange(String library, String method, String host, int port, String target,
      String authorization, String imdsToken, int status, Throwable failure) {
    AwsCallSite site = awsCall(library, method, host, target, authorization);
    if (site != null) {
      answered(site, status);
      String sdkOperation = sdkOperations.current();
      retries.exchanged(site, library, method, target, status, sdkOperation);
      if (status >= 400) {
        erroredCalls.set(new AwsErrors.ErroredCall(site, library, host, target, status, sdkOperation));
        return true;
      }
      return false;
    }
    if (imdsEndpoints.matches(host, port)) {
      imds.exchange(library, method, host, imdsToken != null, status, failure);
    }
    return false;
  }

  /**
   * See {@code Bridge.awsErrorResponse}: the error of the AWS call {@link #exchange} just answered {@code true} for
   * on this thread, with the body's first bytes in hand.
   */
  public void errorResponse(String amzTarget, String queryError, String errorType, byte[] bodyPrefix, int length) {
    AwsErrors.ErroredCall call = takeErroredCall();
    if (call != null) {
      classified(errors.record(call, amzTarget, queryError, errorType, bodyPrefix, length,
          bodyPrefix != null && length < AwsErrorClassifier.BODY_SCAN_LIMIT));
    }
  }

  /**
   * See {@code Bridge.awsErrorResponse}: as above, with the body still to read. Reads at most
   * {@link AwsErrorClassifier#BODY_SCAN_LIMIT} bytes ahead and answers the stream to hand on in the body's place,
   * or {@code body} itself when it read nothing. Never throws: once bytes are read, the replaying stream is the
   * answer whatever else fails.
   */
  public InputStream errorResponse(String amzTarget, String queryError, String errorType, InputStream body) {
    AwsErrors.ErroredCall call = takeErroredCall();
    if (call == null) {
      return body;
    }
    if (body == null) {
      classified(errors.record(call, amzTarget, queryError, errorType, null, 0, true));
      return null;
    }
    ReplayingInputStream replay = ReplayingInputStream.readAhead(body, AwsErrorClassifier.BODY_SCAN_LIMIT);
    try {
      classified(errors.record(call, amzTarget, queryError, errorType, replay.prefix(), replay.prefixLength(),
          replay.whole()));
    } catch (RuntimeException e) {
      // The body is already read ahead: the application must get it back whatever went wrong here.
    }
    return replay;
  }

  private void classified(AwsErrorCode error) {
    if (error != null) {
      retries.classified(error);
    }
  }

  private AwsErrors.ErroredCall takeErroredCall() {
    AwsErrors.ErroredCall call = erroredCalls.get();
    if (call != null) {
      erroredCalls.remove();
    }
    return call;
  }

  /**
   * See {@code Bridge.httpExchangeSending}: an AWS call's exchange, gated when credscope may send it again; an IMDS
   * call's completion; or {@code null} for any other request, which costs no allocation.
   */
  public Object exchangeSending(String library, String method, String host, int port, String target,
      String authorization, String imdsToken, Object client, Object request, Object bodyHandler) {
    AwsCallSite site = awsCall(library, method, host, target, authorization);
    if (site != null) {
      return retries.sending(site, library, method, host, target, sdkOperations.current(), client, request,
          bodyHandler);
    }
    if (imdsEndpoints.matches(host, port)) {
      return imds.started(library, method, host, imdsToken != null);
    }
    return null;
  }

  /**
   * See {@code Bridge.httpExchangeStarted}: counted when the pending response completes; the future of an AWS call
   * credscope may send again is replaced by one that completes with its last answer.
   */
  @SuppressWarnings("unchecked")
  public Object exchangeStarted(Object exchange, Object pendingResponse) {
    if (exchange instanceof ImdsTraffic.Completion) {
      whenComplete(pendingResponse, null, (ImdsTraffic.Completion) exchange);
      return pendingResponse;
    }
    JavaHttpExchange aws = JavaHttpExchange.of(exchange);
    if (aws == null) {
      return pendingResponse;
    }
    whenComplete(pendingResponse, aws, null);
    return aws.first && aws.call != null && pendingResponse instanceof CompletableFuture
        ? aws.call.first((CompletableFuture<Object>) pendingResponse) : pendingResponse;
  }

  /** See {@code Bridge.sdkOperationStarted}. */
  public String sdkOperationStarted(Object request) {
    return sdkOperations.started(request);
  }

  /** See {@code Bridge.sdkOperationEnded}. */
  public void sdkOperationEnded(String outer) {
    sdkOperations.ended(outer);
  }

  /** See {@code Bridge.sigV4aRegionSet}. */
  public void sigV4aRegionSet(String regionSet) {
    regionSets.set(regionSet);
  }

  /** The call site of a SigV4-signed request, or {@code null} for any other request. */
  private AwsCallSite awsCall(String library, String method, String host, String target, String authorization) {
    SigV4Authorization signature;
    boolean header = authorization != null && authorization.startsWith("AWS4-");
    if (header) {
      String regionSet = null;
      if (authorization.startsWith(SIGV4A_PREFIX)) {
        regionSet = regionSets.get();
        regionSets.remove();
      }
      AwsCallSite seen = scopes.get(authorization);
      if (seen != null) {
        // Keeps the site the most recent in its table, which this path never asks.
        sites.touch(seen);
        return seen;
      }
      signature = SigV4Parser.parseAuthorizationHeader(authorization, regionSet);
    } else if (target != null && target.indexOf(PRESIGNED_MARK) >= 0) {
      // A whole URL or a path with its query does as well as a bare query.
      signature = SigV4Parser.parsePresignedQuery(target);
    } else {
      return null;
    }
    if (signature == null) {
      return null;
    }
    String keyId = signature.accessKeyId();
    Resolution resolution = credentials.apply(keyId);
    String source = resolution == null ? "unknown" : resolution.source().id();
    String region = signature.region() == null ? "unknown" : signature.region();
    String siteKey = keyId + '|' + signature.service() + '|' + region + '|' + source;
    AwsCallSite site = sites.get(siteKey);
    if (site == null) {
      site = firstCall(siteKey, signature, region, source, resolution, library, method, host);
    }
    // A key credscope has not seen resolved yet may be attributed later: its calls keep asking.
    if (header && resolution != null) {
      scopes.put(authorization, site);
    }
    if (signature.presigned() && signature.expiresSeconds() > LONG_EXPIRY_SECONDS) {
      longExpiry(signature, resolution, host);
    }
    return site;
  }

  private AwsCallSite firstCall(String siteKey, SigV4Authorization signature, String region, String source,
      Resolution resolution, String library, String method, String host) {
    CallIdentity identity = new CallIdentity(AccessKeyId.of(signature.accessKeyId()), signature.service(),
        signature.region(), resolution == null ? null : resolution.sdk(),
        resolution == null ? null : resolution.source(), resolution == null ? null : resolution.provider());
    AwsCallSite created = new AwsCallSite(counters, identity, region, source);
    AwsCallSite raced = sites.putIfAbsent(siteKey, created);
    if (raced != null) {
      return raced;
    }
    events.accept(new AwsCall(clock.instant(), identity, host, method, library, signature.presigned(),
        CallPath.callerThroughBridge(new Throwable().getStackTrace())));
    return created;
  }

  /** PRESIGNED_URL_LONG_EXPIRY: once per key and service, while credscope remembers it. */
  private void longExpiry(SigV4Authorization signature, Resolution resolution, String host) {
    String keyAndService = signature.accessKeyId() + '|' + signature.service();
    if (longExpiries.get(keyAndService) != null || longExpiries.putIfAbsent(keyAndService, new Seen()) != null) {
      return;
    }
    AccessKeyId key = AccessKeyId.of(signature.accessKeyId());
    long hours = signature.expiresSeconds() / 3600;
    Map<String, String> evidence = new LinkedHashMap<String, String>();
    evidence.put("service", signature.service());
    evidence.put("host", host);
    evidence.put("signedAt", signature.signedAt());
    evidence.put("expiresSeconds", Long.toString(signature.expiresSeconds()));
    String caller = CallPath.callerThroughBridge(new Throwable().getStackTrace());
    if (caller != null) {
      evidence.put("location", caller);
    }
    FindingType type = FindingType.PRESIGNED_URL_LONG_EXPIRY;
    events.accept(new Finding(clock.instant(), type.id(), type.severity(),
        resolution == null ? null : resolution.sdk(), resolution == null ? null : resolution.source(),
        resolution == null ? null : resolution.provider(), key,
        "a presigned " + signature.service() + " URL signed with key " + key.masked() + " stays valid for " + hours
            + " hours (X-Amz-Expires=" + signature.expiresSeconds() + ")" + (caller == null ? "" : ", used at " + caller),
        "presign for minutes, not days: whoever holds the URL can use it until it expires; sign with session "
            + "credentials, which end the URL's validity when they expire", evidence));
  }

  /** Counts the answer; the first 2xx to a call of static keys from code proves the key live. */
  private void answered(AwsCallSite site, int status) {
    site.count(status);
    if (site.firstAccepted(status)) {
      events.accept(new KeyAccepted(clock.instant(), site.identity(), status));
    }
  }

  private void whenComplete(Object pendingResponse, final JavaHttpExchange aws,
      final ImdsTraffic.Completion completion) {
    if (!(pendingResponse instanceof CompletableFuture)) {
      if (aws != null) {
        aws.site.count(-1);
      }
      return;
    }
    ((CompletableFuture<?>) pendingResponse).whenComplete(new BiConsumer<Object, Throwable>() {
      @Override
      public void accept(Object response, Throwable failure) {
        int status = failure == null ? JavaHttpResponses.status(response) : -1;
        if (aws != null) {
          answered(aws.site, status);
          if (status >= 400) {
            errorOf(response, aws, new AwsErrors.ErroredCall(aws.site, aws.library, aws.host, aws.target, status,
                aws.sdkOperation));
          }
        }
        if (completion != null) {
          completion.completed(status, failure);
        }
      }
    });
  }

  /**
   * A {@code java.net.http} error response. Its gate, where it had one, read the body's first bytes before anyone
   * else; else the body handler has run, so a {@code String} or {@code byte[]} body is read where it is, at most the
   * scan limit of it, and any other body is left alone: the error is then classified from its headers.
   */
  private void errorOf(Object response, JavaHttpExchange aws, AwsErrors.ErroredCall call) {
    try {
      JavaHttpResponses.Error error = aws.heard()
          ? aws.error(JavaHttpResponses.requestHeader(response, "X-Amz-Target")) : JavaHttpResponses.error(response);
      errors.record(call, error.amzTarget, error.queryError, error.errorType, error.body, error.length,
          error.whole);
    } catch (RuntimeException e) {
      // The response is the application's; a failure to read it is credscope's alone.
    }
  }

  /** Error responses so far, per (service, operation, code). */
  public List<ErrorCount> errorCounts() {
    return errors.errorCounts();
  }

  /** Throttling responses so far, per (service, operation). */
  public List<ErrorCount> throttleCounts() {
    return errors.throttleCounts();
  }

  /** Every AWS call so far, per (service, region, source, outcome). */
  public CallCounters counters() {
    return counters;
  }

  /** IMDS traffic so far: token requests (and how many failed), IMDSv2 and IMDSv1 reads. */
  public ImdsCounts imdsCounts() {
    return new ImdsCounts(imds.tokenRequests(), imds.failedTokenRequests(), imds.v2Reads(), imds.v1Reads());
  }

  /** What retries the AWS calls, and counts the SDKs' retries. */
  public CallRetries retries() {
    return retries;
  }

  /** The call sites remembered, at most {@link #MAX_SITES}. For tests. */
  int sitesRemembered() {
    return sites.size();
  }

  /** A key remembered by a table whose only question is "seen before?". */
  private static final class Seen extends LruTable.Entry {
  }

  /** Every counter row with calls, for the summary and the meters. */
  public List<CallCount> callCounts() {
    return counters.counted();
  }
}
