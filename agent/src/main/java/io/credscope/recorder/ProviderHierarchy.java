package io.credscope.recorder;

import io.credscope.credentials.CredentialChainModel;
import java.util.List;

/**
 * Which SDK an application's own provider class serves, told by the SDK interfaces it implements,
 * read by name so that the agent links against no SDK. Asked once per class.
 */
final class ProviderHierarchy {

  private ProviderHierarchy() {
  }

  /** The model whose provider interface the class implements, or {@code null} when none. */
  static CredentialChainModel modelOf(Class<?> type, List<CredentialChainModel> models) {
    for (Class<?> current = type; current != null; current = current.getSuperclass()) {
      for (Class<?> implemented : current.getInterfaces()) {
        CredentialChainModel model = modelOfInterface(implemented, models);
        if (model != null) {
          return model;
        }
      }
    }
    return null;
  }

  private static CredentialChainModel modelOfInterface(Class<?> type, List<CredentialChainModel> models) {
    for (CredentialChainModel model : models) {
      if (model.providerInterfaces().contains(type.getName())) {
        return model;
      }
    }
    for (Class<?> extended : type.getInterfaces()) {
      CredentialChainModel model = modelOfInterface(extended, models);
      if (model != null) {
        return model;
      }
    }
    return null;
  }
}
