package io.credscope.cli;

import io.credscope.attach.AttachFailure;
import io.credscope.attach.TargetJvm;
import io.credscope.control.AgentState;
import io.credscope.probe.HostSettings;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar credscope-agent.jar ...}: the command line, on picocli, whose help comes from the same
 * definitions its parser uses. Only {@code main} loads it: neither {@code premain} nor {@code agentmain} does.
 * Exit codes: 0 done, 2 usage error, 3 for {@code doctor} when a finding of severity high or above applies, and for
 * the attach verbs one code per cause of failure ({@link AttachFailure.Cause}).
 */
@Command(name = "credscope", sortOptions = false,
    description = "credscope: which AWS credentials a JVM really uses, and why.",
    footer = {"%nRun 'credscope COMMAND --help' for a command's options and exit codes."})
public final class Cli implements Callable<Integer> {

  static final int OK = 0;
  static final int USAGE = 2;

  private final CliContext context;

  @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "print this help")
  boolean help;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(names = {"-V", "--version"}, versionHelp = true, description = "print the version")
  boolean version;

  private Cli(CliContext context) {
    this.context = context;
  }

  public static int run(String[] arguments, String version, PrintStream out, PrintStream err) {
    return execute(arguments, new CliContext(version, HostSettings.ofThisProcess(), Clock.systemUTC(), out, err));
  }

  static int execute(String[] arguments, final CliContext context) {
    CommandLine line = commandLine(context);
    if (arguments.length == 1 && (arguments[0].equals("help") || arguments[0].equals("version"))) {
      arguments = new String[] {"--" + arguments[0]};
    }
    if (arguments.length == 0) {
      line.usage(line.getOut());
      line.getOut().flush();
      return USAGE;
    }
    int code = line.execute(arguments);
    line.getOut().flush();
    line.getErr().flush();
    return code;
  }

  static CommandLine commandLine(final CliContext context) {
    CommandLine line = new CommandLine(new Cli(context));
    line.addSubcommand(new DoctorCommand(context));
    line.addSubcommand(new ListCommand(context));
    line.addSubcommand(new AttachJvmCommand(context));
    line.addSubcommand(new StatusCommand(context));
    line.addSubcommand(new DetachCommand(context));
    line.getCommandSpec().version("credscope " + context.version);
    line.setOut(new PrintWriter(new OutputStreamWriter(context.out, StandardCharsets.UTF_8), true));
    line.setErr(new PrintWriter(new OutputStreamWriter(context.err, StandardCharsets.UTF_8), true));
    List<String> sections = new ArrayList<String>(line.getHelpSectionKeys());
    sections.add(sections.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER_HEADING),
        OptionTable.SECTION);
    line.setHelpSectionKeys(sections);
    line.getHelpSectionMap().put(OptionTable.SECTION, new OptionTable());
    line.setParameterExceptionHandler(new CommandLine.IParameterExceptionHandler() {
      @Override
      public int handleParseException(CommandLine.ParameterException e, String[] arguments) {
        context.error(usageError(e));
        return USAGE;
      }
    });
    line.setExecutionExceptionHandler(new CommandLine.IExecutionExceptionHandler() {
      @Override
      public int handleExecutionException(Exception e, CommandLine command, CommandLine.ParseResult parsed)
          throws Exception {
        if (e instanceof AttachFailure) {
          context.error("credscope " + command.getCommandName() + ": " + e.getMessage());
          return ((AttachFailure) e).reason().exitCode();
        }
        throw e;
      }
    });
    return line;
  }

  /** One line, named after the command it is about, and where its help is. */
  private static String usageError(CommandLine.ParameterException e) {
    CommandLine command = e.getCommandLine();
    boolean top = command.getParent() == null;
    String name = command.getCommandName();
    if (e instanceof CommandLine.UnmatchedArgumentException) {
      List<String> unmatched = ((CommandLine.UnmatchedArgumentException) e).getUnmatched();
      String first = unmatched.isEmpty() ? "" : unmatched.get(0);
      return top ? "credscope: unknown command '" + first + "'; try --help"
          : name + ": unknown argument '" + first + "'; try " + name + " --help";
    }
    String message = e.getMessage().replaceFirst("^Invalid value for option '[^']*': ", "");
    return (top ? "credscope" : name) + ": " + message + "; try " + (top ? "" : name + " ") + "--help";
  }

  /** Status and detach talk to a running credscope of this version only. */
  static void requireActive(TargetJvm jvm, String version) throws AttachFailure {
    AgentState state = jvm.credscope();
    if (state == null || !state.active()) {
      throw new AttachFailure(AttachFailure.Cause.NOT_ACTIVE, "credscope is not active in JVM " + jvm.pid()
          + (state == null ? "" : " (it was detached)") + "; attach " + jvm.pid() + " starts it");
    }
    if (!state.version().equals(version)) {
      throw new AttachFailure(AttachFailure.Cause.OTHER_VERSION, "JVM " + jvm.pid() + " runs credscope "
          + state.version() + ", and this is credscope " + version + "; use the " + state.version() + " jar");
    }
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return USAGE;
  }
}
