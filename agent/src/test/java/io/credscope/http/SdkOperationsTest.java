package io.credscope.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.amazonaws.DefaultRequest;
import com.amazonaws.handlers.HandlerContextKey;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.handler.ClientExecutionParams;

/** The SDKs' own request types, as their synchronous call paths hand them to the hook. */
class SdkOperationsTest {

  private final SdkOperations operations = new SdkOperations();

  @Test
  void sdkV2NamesItInItsExecutionParameters() {
    String outer = operations.started(new ClientExecutionParams<>().withOperationName("ListBuckets"));
    assertNull(outer);
    assertEquals("ListBuckets", operations.current());
    operations.ended(outer);
    assertNull(operations.current());
  }

  @Test
  void sdkV1NamesItInTheRequestsHandlerContext() {
    DefaultRequest<Object> request = new DefaultRequest<>("AWSSecurityTokenService");
    request.addHandlerContext(HandlerContextKey.OPERATION_NAME, "GetCallerIdentity");
    String outer = operations.started(request);
    assertEquals("GetCallerIdentity", operations.current());
    operations.ended(outer);
    assertNull(operations.current());
  }

  /** An assume-role provider's STS call runs inside the S3 call that needed credentials. */
  @Test
  void aNestedCallHandsTheThreadBackToTheCallAroundIt() {
    String s3 = operations.started(new ClientExecutionParams<>().withOperationName("GetObject"));
    String sts = operations.started(new ClientExecutionParams<>().withOperationName("AssumeRole"));
    assertEquals("AssumeRole", operations.current());
    operations.ended(sts);
    assertEquals("GetObject", operations.current());
    operations.ended(s3);
    assertNull(operations.current());
  }

  @Test
  void aRequestThatNamesNoOperationLeavesItUnknown() {
    String outer = operations.started(new DefaultRequest<Object>("AmazonS3"));
    assertNull(operations.current(), "a v1 request without the context key");
    operations.ended(outer);
    operations.started("not an SDK request");
    assertNull(operations.current());
    operations.started(null);
    assertNull(operations.current());
  }
}
