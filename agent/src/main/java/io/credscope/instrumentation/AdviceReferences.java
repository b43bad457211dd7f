package io.credscope.instrumentation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.FieldVisitor;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Every library member an advice class's code names, read from its bytecode, as OpenTelemetry's muzzle collects
 * them: the types it mentions, and the methods and fields it calls or reads, each with its descriptor. Inlined
 * advice links against the library copy of the class it is woven into; a member that copy's loader lacks would
 * throw {@code NoSuchMethodError} or {@code NoClassDefFoundError} on every call, swallowed but paid for. So before
 * a class is woven, each reference is looked up from that class's loader, once per loader, and an advice that
 * names something missing is left out.
 *
 * <p>The JDK's public {@code java.*} API, credscope's bridge (in the bootstrap loader) and Byte Buddy (whose
 * annotations the woven code never names) are not looked up; any other credscope class is, and would be missing,
 * since the agent's classes are for its own loader only. JDK-internal types are, from the loader
 * of the JDK class being woven.
 */
final class AdviceReferences {

  private static final String LOOKED_UP_NEVER = "java/";
  /** In the bootstrap loader, which every loader is to reach: see {@code BridgeInjector}. */
  private static final String BRIDGE = "io/credscope/bridge/";

  private final String adviceClass;
  private final Set<String> types;
  private final List<MemberReference> members;
  /** Per class loader, the first reference it cannot resolve, or {@link #COMPLETE}; bootstrap under {@link #BOOT}. */
  private final Map<Object, String> missingByLoader = new WeakHashMap<Object, String>();

  private static final String COMPLETE = "";
  private static final Object BOOT = new Object();

  private AdviceReferences(String adviceClass, Set<String> types, List<MemberReference> members) {
    this.adviceClass = adviceClass;
    this.types = types;
    this.members = members;
  }

  /** No references: for advice that names nothing outside the JDK and credscope. */
  static AdviceReferences none(String adviceClass) {
    return new AdviceReferences(adviceClass, Collections.<String>emptySet(), Collections.<MemberReference>emptyList());
  }

  /** Reads the references of every method's code and signature in an advice class file. */
  static AdviceReferences read(String adviceClass, byte[] classFile) {
    Collector collector = new Collector();
    new ClassReader(classFile).accept(collector, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    return new AdviceReferences(adviceClass, Collections.unmodifiableSet(collector.types),
        Collections.unmodifiableList(collector.members));
  }

  String adviceClass() {
    return adviceClass;
  }

  /** Internal names of the types named, those of the members' owners and descriptors included. */
  Set<String> types() {
    return types;
  }

  List<MemberReference> members() {
    return members;
  }

  /**
   * The first reference that the loader's view of the library lacks, or {@code null} when it has them all. Looked
   * up once per loader; {@code firstTime} hears of a mismatch when it is found.
   *
   * @param library class files as the class being woven sees them: its own bytes, then its loader's
   */
  String missingIn(ClassLoader loader, ClassFileLocator library, TransformerFactory.SkippedTypes firstTime,
      String typeName) {
    Object key = loader == null ? BOOT : loader;
    String missing;
    synchronized (missingByLoader) {
      missing = missingByLoader.get(key);
    }
    if (missing == null) {
      missing = firstMissing(library);
      synchronized (missingByLoader) {
        missingByLoader.put(key, missing);
      }
      if (!missing.equals(COMPLETE)) {
        firstTime.mismatched(typeName, adviceClass, missing);
      }
    }
    return missing.equals(COMPLETE) ? null : missing;
  }

  /** What the advice needs and this library lacks, said as a person would look for it; empty when nothing. */
  String firstMissing(ClassFileLocator library) {
    ClassShapes shapes = new ClassShapes(library);
    try {
      for (String type : types) {
        if (shapes.of(type) == null) {
          return "no type " + type.replace('/', '.');
        }
      }
      for (MemberReference member : members) {
        String missing = member.missingIn(shapes);
        if (missing != null) {
          return missing;
        }
      }
      return COMPLETE;
    } catch (IOException | RuntimeException unreadable) {
      // A class file that cannot be read: the advice could not link against it either.
      return "unreadable: " + unreadable;
    }
  }

  /** A method or field the advice's code calls or reads, with how it does so. */
  static final class MemberReference {

    final String owner;
    final String name;
    final String descriptor;
    final boolean method;
    final boolean isStatic;
    /** For a method: whether the call names an interface, as {@code invokeinterface} does. */
    final boolean onInterface;

    MemberReference(String owner, String name, String descriptor, boolean method, boolean isStatic,
        boolean onInterface) {
      this.owner = owner;
      this.name = name;
      this.descriptor = descriptor;
      this.method = method;
      this.isStatic = isStatic;
      this.onInterface = onInterface;
    }

    /** As the JVM resolves it: declared by the owner, or inherited from a super class or interface. */
    String missingIn(ClassShapes shapes) throws IOException {
      ClassShapes.Shape ownerShape = shapes.of(owner);
      if (ownerShape == null) {
        return "no type " + owner.replace('/', '.');
      }
      if (method && ownerShape.isInterface != onInterface) {
        return owner.replace('/', '.') + " is " + (ownerShape.isInterface ? "an interface" : "a class")
            + " now, which " + name + descriptor + " was not called as";
      }
      Boolean declaredStatic = find(shapes, owner, new HashSet<String>());
      if (declaredStatic == null) {
        return owner.replace('/', '.') + " has no " + (method ? "method " : "field ") + name + descriptor;
      }
      if (declaredStatic != isStatic) {
        return owner.replace('/', '.') + "." + name + descriptor + " is " + (declaredStatic ? "" : "not ") + "static";
      }
      return null;
    }

    /** Whether the member found is static, or {@code null} when the hierarchy has none. */
    private Boolean find(ClassShapes shapes, String type, Set<String> seen) throws IOException {
      if (type == null || !seen.add(type)) {
        return null;
      }
      ClassShapes.Shape shape = shapes.of(type);
      if (shape == null) {
        throw new IllegalStateException("no type " + type.replace('/', '.') + ", a super type of "
            + owner.replace('/', '.'));
      }
      Boolean declared = (method ? shape.methods : shape.fields).get(name + descriptor);
      if (declared != null || method && name.equals("<init>")) {
        return declared;
      }
      Boolean inSuper = find(shapes, shape.superName, seen);
      if (inSuper != null) {
        return inSuper;
      }
      for (String implemented : shape.interfaces) {
        Boolean inInterface = find(shapes, implemented, seen);
        if (inInterface != null) {
          return inInterface;
        }
      }
      return null;
    }

    @Override
    public String toString() {
      return owner + "." + name + descriptor;
    }
  }

  /**
   * The library's classes as far as linking cares: kind, super types, and each member's name, descriptor and
   * whether it is static. Read with ASM without their code, a fraction of what a full {@code TypePool} parse costs,
   * once per class for one check.
   */
  static final class ClassShapes {

    private final ClassFileLocator library;
    private final Map<String, Shape> shapes = new HashMap<String, Shape>();
    private final Set<String> absent = new HashSet<String>();

    ClassShapes(ClassFileLocator library) {
      this.library = library;
    }

    /** @return {@code null} when the library has no such class */
    Shape of(String internalName) throws IOException {
      Shape shape = shapes.get(internalName);
      if (shape != null || absent.contains(internalName)) {
        return shape;
      }
      ClassFileLocator.Resolution classFile = library.locate(internalName.replace('/', '.'));
      if (!classFile.isResolved()) {
        absent.add(internalName);
        return null;
      }
      shape = new Shape();
      new ClassReader(classFile.resolve()).accept(shape,
          ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
      shapes.put(internalName, shape);
      return shape;
    }

    static final class Shape extends ClassVisitor {

      boolean isInterface;
      String superName;
      String[] interfaces = new String[0];
      final Map<String, Boolean> methods = new HashMap<String, Boolean>();
      final Map<String, Boolean> fields = new HashMap<String, Boolean>();

      Shape() {
        super(Opcodes.ASM9);
      }

      @Override
      public void visit(int version, int access, String name, String signature, String superName,
          String[] interfaces) {
        this.isInterface = (access & Opcodes.ACC_INTERFACE) != 0;
        this.superName = superName;
        this.interfaces = interfaces == null ? new String[0] : interfaces;
      }

      @Override
      public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
          String[] exceptions) {
        methods.put(name + descriptor, (access & Opcodes.ACC_STATIC) != 0);
        return null;
      }

      @Override
      public FieldVisitor visitField(int access, String name, String descriptor,
          String signature, Object value) {
        fields.put(name + descriptor, (access & Opcodes.ACC_STATIC) != 0);
        return null;
      }
    }
  }

  /** Visits code the way the JVM links it: each instruction that names a type, a method or a field. */
  private static final class Collector extends ClassVisitor {

    final Set<String> types = new LinkedHashSet<String>();
    final List<MemberReference> members = new ArrayList<MemberReference>();
    private final Set<String> seenMembers = new LinkedHashSet<String>();
    private String self;

    Collector() {
      super(Opcodes.ASM9);
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName,
        String[] interfaces) {
      self = name;
    }

    /** A nested type named in code is listed with its outer type, which its loader then has too. */
    @Override
    public void visitInnerClass(String name, String outerName, String innerName, int access) {
      type(name);
      if (outerName != null) {
        type(outerName);
      }
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
        String[] exceptions) {
      descriptorTypes(descriptor);
      return new MethodVisitor(Opcodes.ASM9) {
        @Override
        public void visitTypeInsn(int opcode, String type) {
          type(type);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
          member(owner, name, descriptor, false, opcode == Opcodes.GETSTATIC || opcode == Opcodes.PUTSTATIC, false);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
          member(owner, name, descriptor, true, opcode == Opcodes.INVOKESTATIC, isInterface);
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
          descriptorTypes(descriptor);
          handle(bootstrap);
          for (Object argument : arguments) {
            constant(argument);
          }
        }

        @Override
        public void visitLdcInsn(Object value) {
          constant(value);
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
          descriptorType(Type.getType(descriptor));
        }

        @Override
        public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
          if (type != null) {
            type(type);
          }
        }
      };
    }

    private void constant(Object value) {
      if (value instanceof Type) {
        Type type = (Type) value;
        if (type.getSort() == Type.METHOD) {
          descriptorTypes(type.getDescriptor());
        } else {
          descriptorType(type);
        }
      } else if (value instanceof Handle) {
        handle((Handle) value);
      }
    }

    private void handle(Handle handle) {
      int tag = handle.getTag();
      boolean field = tag <= Opcodes.H_PUTSTATIC;
      member(handle.getOwner(), handle.getName(), handle.getDesc(), !field,
          tag == Opcodes.H_GETSTATIC || tag == Opcodes.H_PUTSTATIC || tag == Opcodes.H_INVOKESTATIC,
          handle.isInterface());
    }

    private void member(String owner, String name, String descriptor, boolean method, boolean isStatic,
        boolean onInterface) {
      if (owner.startsWith("[")) {
        // clone() of an array, say: the element type is what must exist.
        descriptorType(Type.getType(owner));
        return;
      }
      if (!external(owner)) {
        return;
      }
      type(owner);
      if (method) {
        descriptorTypes(descriptor);
      } else {
        descriptorType(Type.getType(descriptor));
      }
      if (seenMembers.add(owner + "." + name + descriptor)) {
        members.add(new MemberReference(owner, name, descriptor, method, isStatic, onInterface));
      }
    }

    private void descriptorTypes(String methodDescriptor) {
      for (Type argument : Type.getArgumentTypes(methodDescriptor)) {
        descriptorType(argument);
      }
      descriptorType(Type.getReturnType(methodDescriptor));
    }

    private void descriptorType(Type type) {
      Type element = type.getSort() == Type.ARRAY ? type.getElementType() : type;
      if (element.getSort() == Type.OBJECT) {
        type(element.getInternalName());
      }
    }

    private void type(String internalName) {
      if (internalName.startsWith("[")) {
        descriptorType(Type.getType(internalName));
      } else if (external(internalName)) {
        types.add(internalName);
      }
    }

    private boolean external(String internalName) {
      return !internalName.equals(self) && !internalName.startsWith(LOOKED_UP_NEVER)
          && !internalName.startsWith(BRIDGE) && !internalName.startsWith("net/bytebuddy/");
    }
  }
}
