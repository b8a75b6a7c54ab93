package io.libres.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import io.libres.errors.ErrorCode;
import io.libres.errors.LibresException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.NullMarked;

/**
 * The rules that keep the public API consistent (issue 17): one id rule for every model, a
 * stable code on every exception, and nullness declared on every package.
 */
@DisplayName("The public API's consistency rules")
class ApiConsistencyTest {

    private static JavaClasses mainClasses;

    @BeforeAll
    static void importMainClasses() {
        mainClasses = MainClasses.all();
    }

    private static List<Class<?>> publicClasses() {
        return mainClasses.stream().filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC))
                .filter(c -> !c.isNestedClass() || c.getModifiers().contains(JavaModifier.STATIC))
                .map(JavaClass::reflect).collect(Collectors.toList());
    }

    @Test
    @DisplayName("every model with an id has OptionalInt id() (empty until stored) and int requireId(), the same types everywhere")
    void idAccessorsAgree() throws Exception {
        List<Class<?>> models = new ArrayList<>();
        for (Class<?> type : publicClasses()) {
            if (!type.getPackageName().equals("io.libres.db.models")) {
                continue;
            }
            Method id = declared(type, "id");
            Method requireId = declared(type, "requireId");
            if (id == null && requireId == null) {
                continue;
            }
            models.add(type);
            assertThat(id).as("%s has requireId() but no id()", type.getName()).isNotNull();
            assertThat(requireId).as("%s has id() but no requireId()", type.getName()).isNotNull();
            assertThat(id.getReturnType()).as("%s#id()", type.getName()).isEqualTo(OptionalInt.class);
            assertThat(requireId.getReturnType()).as("%s#requireId()", type.getName()).isEqualTo(int.class);
        }
        assertThat(models).extracting(Class::getSimpleName)
                .contains("Allocation", "Reservation", "ReservationBlocker");
    }

    private static Method declared(Class<?> type, String name) {
        try {
            Method method = type.getMethod(name);
            return Modifier.isPublic(method.getModifiers()) ? method : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    @Test
    @DisplayName("every LibresException subclass declares code(), and each has an ErrorCode of its own")
    void everyExceptionHasItsOwnCode() throws Exception {
        Map<ErrorCode, String> owners = new EnumMap<>(ErrorCode.class);
        Set<String> missing = new TreeSet<>();
        Set<String> shared = new TreeSet<>();
        int exceptions = 0;
        for (JavaClass javaClass : mainClasses) {
            if (!javaClass.isAssignableTo(LibresException.class) || javaClass.getModifiers().contains(JavaModifier.ABSTRACT)) {
                continue;
            }
            exceptions++;
            Class<?> type = javaClass.reflect();
            boolean declares = false;
            for (Method method : type.getDeclaredMethods()) {
                declares |= method.getName().equals("code") && method.getParameterCount() == 0
                        && method.getReturnType() == ErrorCode.class;
            }
            if (!declares) {
                missing.add(type.getName());
                continue;
            }
            ErrorCode code = ((LibresException) instanceWithoutConstructor(type)).code();
            String before = owners.put(code, type.getName());
            if (before != null) {
                shared.add(code + ": " + before + " and " + type.getName());
            }
        }
        assertThat(exceptions).isGreaterThan(50);
        assertThat(missing).as("exception classes without code() of their own: add an ErrorCode constant and override"
                + " code() (LibresException#code's Javadoc)").isEmpty();
        assertThat(shared).as("codes shared by several classes").isEmpty();
        assertThat(EnumSet.complementOf(EnumSet.copyOf(owners.keySet())))
                .as("ErrorCode constants no exception class returns").isEmpty();
    }

    /** Calls code() without running a constructor: codes are constants, whatever the message. */
    private static Object instanceWithoutConstructor(Class<?> type) throws Exception {
        Class<?> unsafeType = Class.forName("sun.misc.Unsafe");
        Field field = unsafeType.getDeclaredField("theUnsafe");
        field.setAccessible(true);
        Object unsafe = field.get(null);
        return unsafeType.getMethod("allocateInstance", Class.class).invoke(unsafe, type);
    }

    @Test
    @DisplayName("every public package on the class path (all but *.internal) is @NullMarked")
    void everyPublicPackageIsNullMarkedOnTheClassPath() throws Exception {
        Set<String> packages = new TreeSet<>();
        for (Class<?> type : publicClasses()) {
            String name = type.getPackageName();
            if (!name.contains(".internal") && !name.contains("archfixture")) {
                packages.add(name);
            }
        }
        Set<String> unmarked = new TreeSet<>();
        for (String name : packages) {
            Class<?> info;
            try {
                info = Class.forName(name + ".package-info");
            } catch (ClassNotFoundException e) {
                unmarked.add(name + " (no package-info)");
                continue;
            }
            if (!info.isAnnotationPresent(NullMarked.class)) {
                unmarked.add(name);
            }
        }
        assertThat(packages).as("packages found").hasSizeGreaterThan(20)
                .contains("io.libres", "io.libres.db", "io.libres.jdbi", "io.libres.jooq", "io.libres.testkit.kit");
        assertThat(unmarked).as("public packages without @NullMarked in package-info.java").isEmpty();
    }

    /**
     * The modules the BOM publishes, read from its pom, so a module added there is checked too
     * (the starter and any module not on this test's class path included).
     */
    private static List<Path> publishedModules() throws IOException {
        Path root = Path.of(System.getProperty("basedir", Path.of("").toAbsolutePath().toString())).getParent();
        String bom = Files.readString(root.resolve("libres-bom/pom.xml"));
        Matcher matcher = Pattern.compile("<artifactId>(libres-[a-z0-9-]+)</artifactId>").matcher(bom);
        List<Path> modules = new ArrayList<>();
        while (matcher.find()) {
            Path module = root.resolve(matcher.group(1));
            if (!matcher.group(1).equals("libres-bom") && Files.isDirectory(module.resolve("src/main/java"))) {
                modules.add(module);
            }
        }
        return modules;
    }

    @Test
    @DisplayName("every public package of every module the BOM publishes has a package-info.java that is @NullMarked")
    void everyPublishedPackageIsNullMarkedInItsSources() throws IOException {
        List<Path> modules = publishedModules();
        assertThat(modules).extracting(m -> m.getFileName().toString())
                .contains("libres-core", "libres-jdbi-adapter", "libres-jooq-adapter", "libres-spring-boot-starter",
                        "libres-testkit");
        Set<String> unmarked = new TreeSet<>();
        int checked = 0;
        for (Path module : modules) {
            Path sources = module.resolve("src/main/java");
            List<Path> directories;
            try (Stream<Path> walk = Files.walk(sources)) {
                directories = walk.filter(Files::isDirectory).collect(Collectors.toList());
            }
            for (Path directory : directories) {
                String name = sources.relativize(directory).toString().replace('/', '.');
                if (name.contains("internal") || !holdsPublicType(directory)) {
                    continue;
                }
                checked++;
                Path info = directory.resolve("package-info.java");
                if (!Files.exists(info) || !Files.readString(info).contains("@NullMarked")) {
                    unmarked.add(module.getFileName() + ": " + name);
                }
            }
        }
        assertThat(checked).isGreaterThan(20);
        assertThat(unmarked).as("public packages without @NullMarked (add it to package-info.java)").isEmpty();
    }

    private static boolean holdsPublicType(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("package-info.java")
                    && !f.endsWith("module-info.java")).anyMatch(f -> {
                        try {
                            return Files.readString(f).contains("\npublic ");
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
