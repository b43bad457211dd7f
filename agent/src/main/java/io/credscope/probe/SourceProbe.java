package io.credscope.probe;

/** Works out whether one source of a default chain has credentials to give on this host, for one SDK. */
interface SourceProbe {

  SourceAvailability probe(SdkDialect sdk, HostSettings settings);
}
