package io.credscope.permissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyDraftTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String USER = "arn:aws:iam::123456789012:user/app";

  private final PolicyDraft draft = new PolicyDraft(IamActions.load());

  @Test
  void operationsBecomeOneSortedAllowOfTheirIamActions() throws Exception {
    draft.called(USER, "s3", "ListObjectsV2").called(USER, "dynamodb", "GetItem").called(USER, "s3", "ListBuckets")
        .called(USER, "dynamodb", "GetItem").called(USER, "monitoring", "PutMetricData")
        .called(USER, "sts", "GetCallerIdentity").called(USER, "s3", "HeadObject");
    JsonNode document = JSON.readTree(draft.json(USER));
    assertEquals(USER, document.get("identity").asText());
    JsonNode policy = document.get("policy");
    assertEquals("2012-10-17", policy.get("Version").asText());
    assertEquals(1, policy.get("Statement").size());
    JsonNode allow = policy.get("Statement").get(0);
    assertEquals("Allow", allow.get("Effect").asText());
    assertEquals("*", allow.get("Resource").asText());
    assertEquals("[\"cloudwatch:PutMetricData\",\"dynamodb:GetItem\",\"s3:ListAllMyBuckets\",\"s3:ListBucket\"]",
        allow.get("Action").toString());
    assertEquals("[\"sts:GetCallerIdentity\"]", document.get("permissionless").toString());
    assertEquals("[\"s3:HeadObject\"]", document.get("unmapped").toString());
  }

  @Test
  void eachIdentityHasItsOwnDraft() throws Exception {
    draft.called("b", "sqs", "SendMessage").called("a", "sts", "GetCallerIdentity");
    assertEquals(Set.of("a", "b"), draft.identities());
    JsonNode onlyPermissionless = JSON.readTree(draft.json("a"));
    assertEquals(0, onlyPermissionless.get("policy").get("Statement").size(), "no statement without an action");
    assertEquals("[\"sqs:SendMessage\"]",
        JSON.readTree(draft.json("b")).get("policy").get("Statement").get(0).get("Action").toString());
    assertThrows(IllegalArgumentException.class, () -> draft.json("c"));
  }
}
