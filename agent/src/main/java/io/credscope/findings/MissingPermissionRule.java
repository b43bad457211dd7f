package io.credscope.findings;

import io.credscope.awserrors.AwsOperation;
import io.credscope.credentials.AccessKeyId;
import io.credscope.events.AwsError;
import io.credscope.events.CallDenied;
import io.credscope.events.Finding;
import io.credscope.permissions.IamActions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MISSING_PERMISSION: AWS denied a call, and the IAM action it needed is named, with the identity that lacked it and
 * the code that made the call. Once per (key, action): the same denial from a thousand requests is one fix.
 */
final class MissingPermissionRule {

  /** (key, action) pairs remembered; the oldest is forgotten beyond this, and may be reported again. */
  static final int MAX_REMEMBERED = 1024;

  private final boolean maskKeys;
  /** Made on the first denial: most runs never need the table. */
  private IamActions actions;
  private final Map<String, Boolean> raised = new LinkedHashMap<String, Boolean>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
      return size() > MAX_REMEMBERED;
    }
  };

  MissingPermissionRule(boolean maskKeys) {
    this.maskKeys = maskKeys;
  }

  /** @return the finding, or {@code null} when this key was already told it lacks this action */
  Finding evaluate(CallDenied call) {
    AwsError denied = call.error();
    AccessKeyId key = denied.identity().key();
    if (key == null) {
      return null;
    }
    String service = denied.identity().service();
    boolean known = !denied.operation().equals(AwsOperation.UNKNOWN);
    List<String> needed = known ? table().of(service, denied.operation()) : new ArrayList<String>();
    boolean mapped = !needed.isEmpty();
    String action = mapped ? String.join(",", needed)
        : IamActions.prefixOf(service) + ':' + (known ? denied.operation() : "*");
    if (raised.put(key.value() + '|' + action, Boolean.TRUE) != null) {
      return null;
    }
    Map<String, String> evidence = new LinkedHashMap<String, String>();
    evidence.put("action", action);
    evidence.put("mapped", Boolean.toString(mapped));
    evidence.put("service", service);
    evidence.put("operation", denied.operation());
    evidence.put("code", denied.code());
    evidence.put("status", Integer.toString(denied.status()));
    if (denied.host() != null) {
      evidence.put("host", denied.host());
    }
    evidence.put("library", denied.library());
    if (denied.caller() != null) {
      evidence.put("location", denied.caller());
    }
    String account = key.account();
    String identity = "key " + key.display(maskKeys) + (account == null ? "" : " of account " + account);
    String asked = known ? denied.operation() : "a call";
    FindingType type = FindingType.MISSING_PERMISSION;
    return new Finding(denied.time(), type.id(), type.severity(), denied.identity(),
        service + " denied " + asked + " to " + identity + " (" + denied.code() + "): it needs " + action
            + (mapped ? "" : ", a name the IAM action table does not know")
            + (denied.caller() == null ? "" : ", called at " + denied.caller()),
        "grant " + action + " to the identity of " + identity + ", on the resources the call names, or stop making "
            + "the call", evidence);
  }

  private IamActions table() {
    if (actions == null) {
      actions = IamActions.load();
    }
    return actions;
  }
}
