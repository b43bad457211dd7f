package io.credscope.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MeterExportTest {

  @Test
  void aBarePortListensOnLoopbackOnly() {
    InetSocketAddress address = MeterExport.prometheusAddress("9404");
    assertEquals("127.0.0.1", address.getHostString());
    assertEquals(9404, address.getPort());
  }

  @Test
  void aHostIsTakenAsGivenAndAnIpv6LiteralWithoutItsBrackets() {
    assertEquals("0.0.0.0", MeterExport.prometheusAddress("0.0.0.0:9404").getHostString());
    assertEquals("::1", MeterExport.prometheusAddress("[::1]:9404").getHostString());
  }

  @Test
  void refusesWhatIsNoPort() {
    for (String bad : new String[] {"", "0", "65536", "host:", ":9404", "nine", "9404x", "123456"}) {
      assertNull(MeterExport.prometheusAddress(bad), bad);
    }
  }

  @Test
  void anOtlpUrlIsHttpOrHttpsWithAHost() {
    assertTrue(MeterExport.isOtlpUrl("http://127.0.0.1:4318/v1/metrics"));
    assertTrue(MeterExport.isOtlpUrl("https://collector.example:4318/v1/metrics"));
    assertFalse(MeterExport.isOtlpUrl("ftp://collector/v1/metrics"));
    assertFalse(MeterExport.isOtlpUrl("collector:4318"));
  }

  @Test
  void aBadValueIsOneLineAndTheDefaultAndTheDefaultsAskForNoMeters() {
    List<String> problems = new ArrayList<>();
    AgentConfig config = AgentConfig.load("prometheus=busy,otlp=nowhere,otlpStep=10ms,jmx=yes", new Properties(),
        Map.of(), problems::add);
    assertEquals(4, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("option 'prometheus' has invalid value 'busy'"), problems.get(0));
    assertFalse(config.meters());
    assertNull(config.prometheusAddress());
    assertEquals(60_000, config.otlpStepMillis());
    assertFalse(AgentConfig.defaults().meters());
  }
}
