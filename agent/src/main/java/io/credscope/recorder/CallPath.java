package io.credscope.recorder;

import io.credscope.credentials.CredentialChainModel;

/**
 * What the call stack of a first sighting says: whether another provider wraps this one (a profile
 * delegating to static keys, say), the outermost chain it ran in, and the application code that
 * asked. Read once per new (provider, key), never on the repeated path.
 */
public final class CallPath {

  private static final String[] INFRASTRUCTURE = {
    "java.", "javax.", "jdk.", "sun.", "com.sun.",
    "software.amazon.awssdk.", "com.amazonaws.",
    "org.apache.http.", "org.apache.hc.", "okhttp3.", "okio.", "io.netty.", "reactor.",
  };
  /**
   * AWS Lambda's Java runtime under {@code com.amazonaws.}: its interfaces and events
   * ({@code aws-lambda-java-core}, {@code -events}, {@code -serialization}) and its runtime interface client
   * ({@code ...runtime.api.client}, {@code ...lambda.crac}). It is below every handler's stack and is no AWS SDK;
   * SDK v1's own Lambda client ({@code com.amazonaws.services.lambda.AWSLambdaClient}) is not under these.
   */
  private static final String[] LAMBDA_RUNTIME = {
    "com.amazonaws.services.lambda.runtime.", "com.amazonaws.services.lambda.crac.",
  };
  private static final String BRIDGE = "io.credscope.bridge.Bridge";
  /** Between the bridge and the recorders: it forwards each call to the recorder that handles it. */
  private static final String DISPATCHER = "io.credscope.core.AgentDispatcher";

  private final boolean nested;
  private final String chain;
  private final String caller;

  private CallPath(boolean nested, String chain, String caller) {
    this.nested = nested;
    this.chain = chain;
    this.caller = caller;
  }

  /**
   * @param stack the current stack, innermost first, starting anywhere inside credscope's own frames
   * @param runtimeChain the class of the chain instance the thread entered, or {@code null}: a frame
   *     names the class that declares the method (SDK v1's {@code AWSCredentialsProviderChain}),
   *     where users know the subclass they built ({@code DefaultAWSCredentialsProviderChain})
   */
  static CallPath of(StackTraceElement[] stack, CredentialChainModel model, String runtimeChain) {
    int provider = 0;
    while (provider < stack.length && isAgentFrame(stack[provider].getClassName())) {
      provider++;
    }
    boolean nested = false;
    String chain = null;
    String caller = null;
    for (int i = provider + 1; i < stack.length; i++) {
      String className = stack[i].getClassName();
      if (model.isChain(className)) {
        chain = runtimeChain != null && model.iteratingChains().contains(className)
            ? simpleName(runtimeChain) : simpleName(className);
      } else if (model.declaringClasses().contains(className) && model.providerMethod().equals(stack[i].getMethodName())) {
        nested = true;
      } else if (caller == null && !isInfrastructure(className)) {
        caller = format(stack[i]);
      }
    }
    return new CallPath(nested, chain, caller);
  }

  /**
   * The frame that called a static provider's factory or constructor, when application code did;
   * {@code null} when the SDK built the provider for itself (from profile keys, say).
   */
  static StackTraceElement builder(StackTraceElement[] stack, String providerClass) {
    int frame = 0;
    while (frame < stack.length && (isAgentFrame(stack[frame].getClassName())
        || stack[frame].getClassName().equals(providerClass))) {
      frame++;
    }
    return frame < stack.length && !isInfrastructure(stack[frame].getClassName()) ? stack[frame] : null;
  }

  /**
   * The first frame after the bridge's (the hooked library's own frames, and the agent's before them, are
   * skipped) that belongs neither to the JDK, nor to an HTTP library, nor to an AWS SDK: the code that made the
   * call. {@code null} when there is none, as on an SDK's own refresh thread.
   */
  public static StackTraceElement application(StackTraceElement[] stack) {
    for (int i = afterBridge(stack); i < stack.length; i++) {
      if (!isInfrastructure(stack[i].getClassName())) {
        return stack[i];
      }
    }
    return null;
  }

  /**
   * The {@link #format formatted} {@link #application} frame of a stack that went through the bridge; {@code null}
   * on any other, such as a client's completion thread, where no application frame made the call and credscope's
   * own would be the first.
   */
  public static String callerThroughBridge(StackTraceElement[] stack) {
    StackTraceElement frame = afterBridge(stack) == 0 ? null : application(stack);
    return frame == null ? null : format(frame);
  }

  /** The AWS SDK that made the call on this stack, as {@code v2} or {@code v1}; {@code null} for neither. */
  public static String sdk(StackTraceElement[] stack) {
    for (int i = afterBridge(stack); i < stack.length; i++) {
      String className = stack[i].getClassName();
      if (className.startsWith("software.amazon.awssdk.")) {
        return "v2";
      }
      if (className.startsWith("com.amazonaws.") && !isLambdaRuntime(className)) {
        return "v1";
      }
    }
    return null;
  }

  private static int afterBridge(StackTraceElement[] stack) {
    for (int i = 0; i < stack.length; i++) {
      if (stack[i].getClassName().equals(BRIDGE)) {
        return i + 1;
      }
    }
    return 0;
  }

  private static boolean isAgentFrame(String className) {
    return className.equals(BRIDGE) || className.equals(DISPATCHER)
        || className.equals(CredentialsRecorder.class.getName())
        || className.equals(CallPath.class.getName());
  }

  private static boolean isLambdaRuntime(String className) {
    for (String prefix : LAMBDA_RUNTIME) {
      if (className.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** The JDK, HTTP libraries, AWS SDKs and the Lambda runtime that runs the handler: never the application. */
  private static boolean isInfrastructure(String className) {
    for (String prefix : INFRASTRUCTURE) {
      if (className.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  public static String format(StackTraceElement frame) {
    String location = frame.getFileName() == null
        ? "Unknown Source"
        : frame.getLineNumber() >= 0 ? frame.getFileName() + ":" + frame.getLineNumber() : frame.getFileName();
    return frame.getClassName() + "." + frame.getMethodName() + "(" + location + ")";
  }

  /** Whether an instrumented provider further out will report these credentials itself. */
  boolean nested() {
    return nested;
  }

  String chain() {
    return chain;
  }

  String caller() {
    return caller;
  }
}
