package io.credscope.instrumentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.jar.asm.ClassReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The references read from each advice class are all it names, so that no edit of an advice can call something
 * unchecked; they resolve against the library versions the advice is compiled for; and a library copy that lacks
 * one is caught.
 */
class AdviceReferencesTest {

  static Stream<String> adviceClasses() {
    Set<String> classes = new LinkedHashSet<>();
    for (InstrumentationModule module : InstrumentationModules.all()) {
      for (AdviceBinding binding : module.adviceBindings()) {
        classes.add(binding.adviceClass());
      }
    }
    return classes.stream();
  }

  /**
   * Read a second way, from the constant pool, where every class, method and field that code can link against has
   * an entry: each external one is among the references.
   */
  @ParameterizedTest
  @MethodSource("adviceClasses")
  void everyExternalMemberInTheConstantPoolIsAReference(String adviceClass) throws Exception {
    byte[] classFile = classFile(adviceClass);
    AdviceReferences references = AdviceReferences.read(adviceClass, classFile);
    Set<String> read = new TreeSet<>(references.types());
    references.members().forEach(member -> read.add(member.toString()));

    Set<String> pooled = new TreeSet<>();
    ClassReader reader = new ClassReader(classFile);
    char[] buffer = new char[reader.getMaxStringLength()];
    for (int i = 1; i < reader.getItemCount(); i++) {
      int offset = reader.getItem(i);
      if (offset == 0) {
        continue; // The second slot of a long or a double.
      }
      int tag = reader.readByte(offset - 1);
      if (tag == 7) {
        String name = reader.readUTF8(offset, buffer);
        if (name.startsWith("[")) {
          name = name.replaceAll("^\\[+L?", "").replaceAll(";$", "");
        }
        if (name.contains("/") && external(name, adviceClass)) {
          pooled.add(name);
        }
      } else if (tag == 9 || tag == 10 || tag == 11) {
        String owner = reader.readClass(offset, buffer);
        int nameAndType = reader.getItem(reader.readUnsignedShort(offset + 2));
        String member = owner + "." + reader.readUTF8(nameAndType, buffer) + reader.readUTF8(nameAndType + 2, buffer);
        if (external(owner, adviceClass)) {
          pooled.add(member);
        }
      }
    }
    Set<String> unread = new TreeSet<>(pooled);
    unread.removeAll(read);
    assertEquals(Set.of(), unread, "named in " + adviceClass + " but not checked before weaving");
  }

  /** Against the versions the advice is compiled for, every reference resolves: no hook is left out by mistake. */
  @ParameterizedTest
  @MethodSource("adviceClasses")
  void everyReferenceResolvesAgainstTheLibrariesTheAdviceIsBuiltFor(String adviceClass) throws Exception {
    AdviceReferences references = AdviceReferences.read(adviceClass, classFile(adviceClass));
    ClassLoader loader = getClass().getClassLoader();
    assertEquals("", references.firstMissing(new ClassFileLocator.Compound(ClassFileLocator.ForClassLoader.of(loader),
        ClassFileLocator.ForClassLoader.ofBootLoader())), adviceClass);
  }

  @Test
  void okHttpsRetryAdviceNeedsWhatOkHttp312Lacks() throws Exception {
    String advice = "io.credscope.instrumentation.okhttp.OkHttpCallAdvice";
    List<String> members = AdviceReferences.read(advice, classFile(advice)).members().stream()
        .map(Object::toString).collect(Collectors.toList());
    assertTrue(members.containsAll(List.of("okhttp3/RequestBody.isOneShot()Z", "okhttp3/RequestBody.isDuplex()Z",
        "okhttp3/Interceptor$Chain.call()Lokhttp3/Call;")), members.toString());
  }

  /** httpcore's executor, as an application that has httpcore and no httpclient loads it. */
  @Test
  void theApacheWireAdviceNeedsHttpClientBesideHttpCore() throws Exception {
    String advice = "io.credscope.instrumentation.apachehttpclient.v4.ApacheHttpClient4Advice";
    AdviceReferences references = AdviceReferences.read(advice, classFile(advice));
    try (URLClassLoader httpCoreOnly = new URLClassLoader(new URL[] {jar("/httpcore-4.")}, null)) {
      ClassFileLocator library = ClassFileLocator.ForClassLoader.of(httpCoreOnly);
      assertTrue(library.locate("org.apache.http.protocol.HttpRequestExecutor").isResolved());
      assertEquals("no type org.apache.http.client.methods.HttpUriRequest", references.firstMissing(library));
    }
  }

  @Test
  void aMemberIsFoundWhereTheJvmWouldFindItAndItsKindIsChecked() throws Exception {
    AdviceReferences.ClassShapes shapes =
        new AdviceReferences.ClassShapes(ClassFileLocator.ForClassLoader.of(getClass().getClassLoader()));
    // Declared by a super class, and by a super interface of an interface, as the JVM resolves them.
    AdviceReferences.MemberReference inherited = new AdviceReferences.MemberReference(
        "org/apache/http/message/BasicHttpResponse", "getFirstHeader", "(Ljava/lang/String;)Lorg/apache/http/Header;",
        true, false, false);
    assertNull(inherited.missingIn(shapes));
    AdviceReferences.MemberReference fromInterface = new AdviceReferences.MemberReference(
        "org/apache/http/client/methods/CloseableHttpResponse", "getFirstHeader",
        "(Ljava/lang/String;)Lorg/apache/http/Header;", true, false, true);
    assertNull(fromInterface.missingIn(shapes));
    AdviceReferences.MemberReference asStatic = new AdviceReferences.MemberReference("okhttp3/Response",
        "close", "()V", true, true, false);
    assertEquals("okhttp3.Response.close()V is not static",
        asStatic.missingIn(shapes));
    AdviceReferences.MemberReference asInterface = new AdviceReferences.MemberReference("okhttp3/Response",
        "code", "()I", true, false, true);
    assertTrue(asInterface.missingIn(shapes).startsWith("okhttp3.Response is a "
        + "class now"));
    AdviceReferences.MemberReference absent = new AdviceReferences.MemberReference("okhttp3/Response",
        "code", "()J", true, false, false);
    assertEquals("okhttp3.Response has no method code()J", absent.missingIn(shapes));
  }

  private static boolean external(String internalName, String adviceClass) {
    return !internalName.equals(adviceClass.replace('.', '/')) && !internalName.startsWith("java/")
        && !internalName.startsWith("io/credscope/bridge/") && !internalName.startsWith("net/bytebuddy/");
  }

  private static URL jar(String nameContains) throws Exception {
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (entry.contains(nameContains) && entry.endsWith(".jar")) {
        return new File(entry).toURI().toURL();
      }
    }
    throw new AssertionError("no " + nameContains + " on the test class path");
  }

  private static byte[] classFile(String className) throws IOException {
    try (InputStream in = AdviceReferencesTest.class.getClassLoader()
        .getResourceAsStream(className.replace('.', '/') + ".class")) {
      return in.readAllBytes();
    }
  }
}
