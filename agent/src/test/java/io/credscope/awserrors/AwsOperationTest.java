package io.credscope.awserrors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class AwsOperationTest {

  @Test
  void theJsonProtocolsNameItInXAmzTarget() {
    assertEquals("GetItem", AwsOperation.of(null, "DynamoDB_20120810.GetItem", null));
    assertEquals("PutRecord", AwsOperation.of(null, " Kinesis_20131202.PutRecord ", "/"));
    assertEquals("InitiateAuth", AwsOperation.of(null, "AWSCognitoIdentityProviderService.InitiateAuth", null));
    assertEquals("ListKeys", AwsOperation.of(null, "ListKeys", null), "no prefix at all");
    assertEquals("GetItem", AwsOperation.of(null, "DynamoDB_20120810.GetItem", "Action=ListTables"), "the header wins");
  }

  @Test
  void queryAndEc2NameItInTheActionParameter() {
    assertEquals("DescribeInstances", AwsOperation.of(null, null, "Action=DescribeInstances&Version=2016-11-15"));
    assertEquals("GetCallerIdentity", AwsOperation.of(null, null, "Version=2011-06-15&Action=GetCallerIdentity"));
    assertEquals("ListTables", AwsOperation.of(null, null, "/signed?Action=ListTables"));
    assertEquals("SendMessage", AwsOperation.of(null, null, "http://127.0.0.1:8080/queue?X=1&Action=SendMessage#frag"));
    assertEquals("ListUsers", AwsOperation.of(null, "", "Action=ListUsers"), "an empty header names nothing");
  }

  /** Both SDKs send a Query call's Action in a form body, and a REST call's operation is in no header. */
  @Test
  void aFormBodyOrRestCallTakesTheNameOfTheSdkCallThatMadeIt() {
    assertEquals("GetCallerIdentity", AwsOperation.of("GetCallerIdentity", null, "/"));
    assertEquals("GetObject", AwsOperation.of("GetObject", null, "/bucket/key"));
  }

  /** A request made on an SDK call's thread need not be that call's own: a raw call inside a custom provider. */
  @Test
  void whatTheWireNamesWinsOverTheSdkCallAroundIt() {
    assertEquals("GetItem", AwsOperation.of("GetObject", "DynamoDB_20120810.GetItem", null));
    assertEquals("AssumeRole", AwsOperation.of("GetObject", null, "Action=AssumeRole&Version=2011-06-15"));
  }

  @Test
  void anSdkNameThatIsNoOperationNameIsUnknown() {
    assertEquals(AwsOperation.UNKNOWN, AwsOperation.of("", null, null));
    assertEquals(AwsOperation.UNKNOWN, AwsOperation.of("Get Object", null, null));
    assertEquals(AwsOperation.UNKNOWN, AwsOperation.of("A".repeat(AwsOperation.MAX_LENGTH + 1), null, null));
  }

  @Test
  void anythingElseIsUnknown() {
    assertEquals(AwsOperation.UNKNOWN, AwsOperation.of(null, null, null));
    assertEquals(AwsOperation.UNKNOWN, AwsOperation.of(null, null, "/bucket/key"), "a path is no query");
    assertEquals(AwsOperation.UNKNOWN, AwsOperation.of(null, null, "https://s3.amazonaws.com/bucket/Action=x"));
    assertEquals(AwsOperation.UNKNOWN, AwsOperation.of(null, null, "list-type=2&prefix=Action%3DX"));
    assertEquals(AwsOperation.UNKNOWN, AwsOperation.of(null, null, "XAction=DescribeInstances"));
    assertEquals(AwsOperation.UNKNOWN, AwsOperation.of(null, null, "Action="));
    assertEquals(AwsOperation.UNKNOWN, AwsOperation.of(null, null, "Action=Describe Instances"));
    assertEquals(AwsOperation.UNKNOWN, AwsOperation.of(null, "DynamoDB_20120810.", null));
    assertEquals(AwsOperation.UNKNOWN, AwsOperation.of(null, "a.b/c", null));
    assertEquals(AwsOperation.UNKNOWN, AwsOperation.of(null, "x." + "A".repeat(AwsOperation.MAX_LENGTH + 1), null));
    assertNull(AwsOperation.fromQuery("?"));
  }
}
