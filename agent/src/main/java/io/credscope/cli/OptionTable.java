package io.credscope.cli;

import io.credscope.config.Option;
import picocli.CommandLine;

/**
 * The agent options in the top-level help, from {@link Option}, the one place they are defined: a new option is in
 * the help as soon as it exists.
 */
final class OptionTable implements CommandLine.IHelpSectionRenderer {

  static final String SECTION = "agentOptions";

  @Override
  public String render(CommandLine.Help help) {
    String nl = System.lineSeparator();
    StringBuilder table = new StringBuilder();
    table.append(nl).append("As an agent:").append(nl)
        .append("  java -javaagent:credscope-agent.jar[=key=value,...] -jar your-app.jar").append(nl)
        .append(nl)
        .append("Agent options (agent argument key=value, or system property credscope.KEY, or environment ")
        .append("CREDSCOPE_KEY):").append(nl);
    for (Option option : Option.values()) {
      table.append("  ").append(option.key()).append('=').append(nl)
          .append("      ").append(option.description()).append(" (default ").append(option.defaultValue())
          .append(')').append(nl)
          .append("      values: ").append(option.validValues()).append(nl);
    }
    return table.toString();
  }
}
