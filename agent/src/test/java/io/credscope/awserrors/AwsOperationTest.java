package io.credscope.awserrors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class AwsOperationTest {

  @Test
  void theJsonProtocolsNameItInXAmzTarget() {
    assertEquals("GetItem", AwsOperation.of("DynamoDB_20120810.GetItem", null));
    assertEquals("PutRecord", AwsOperation.of(" Kinesis_20131202.PutRecord ", "/"));
    assertEquals("InitiateAuth", AwsOperation.of("AWSCognitoIdentityProviderService.InitiateAuth", null));
    assertEquals("ListKeys", AwsOperation.of("ListKeys", null), "no prefix at all");
    assertEquals("GetItem", AwsOperation.of("DynamoDB_20120810.GetItem", "Action=ListTables"), "the header wins");
  }

  @Test
  void queryAndEc2NameItInTheActionParameter() {
    assertEquals("DescribeInstances", AwsOperation.of(null, "Action=DescribeInstances&Version=2016-11-15"));
    assertEquals("GetCallerIdentity", AwsOperation.of(null, "Version=2011-06-15&Action=GetCallerIdentity"));
    assertEquals("ListTables", AwsOperation.of(null, "/signed?Action=ListTables"));
    assertEquals("SendMessage", AwsOperation.of(null, "http://127.0.0.1:8080/queue?X=1&Action=SendMessage#frag"));
    assertEquals("ListUsers", AwsOperation.of("", "Action=ListUsers"), "an empty header names nothing");
  }

  @Test
  void anythingElseIsUnknown() {
    assertEquals(AwsOperation.UNKNOWN, AwsOperation.of(null, null));
    assertEquals(AwsOperation.UNKNOWN, AwsOperation.of(null, "/bucket/key"), "a path is no query");
    assertEquals(AwsOperation.UNKNOWN, AwsOperation.of(null, "https://s3.amazonaws.com/bucket/Action=x"));
    assertEquals(AwsOperation.UNKNOWN, AwsOperation.of(null, "list-type=2&prefix=Action%3DX"));
    assertEquals(AwsOperation.UNKNOWN, AwsOperation.of(null, "XAction=DescribeInstances"));
    assertEquals(AwsOperation.UNKNOWN, AwsOperation.of(null, "Action="));
    assertEquals(AwsOperation.UNKNOWN, AwsOperation.of(null, "Action=Describe Instances"));
    assertEquals(AwsOperation.UNKNOWN, AwsOperation.of("DynamoDB_20120810.", null));
    assertEquals(AwsOperation.UNKNOWN, AwsOperation.of("a.b/c", null));
    assertEquals(AwsOperation.UNKNOWN, AwsOperation.of("x." + "A".repeat(AwsOperation.MAX_LENGTH + 1), null));
    assertNull(AwsOperation.fromQuery("?"));
  }
}
