package io.libres.testkit.junit;

import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.PostDiscoveryFilter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Runs only some tests of a kit, by group and method, from any launcher: the system property
 * {@value #PROPERTY}, read by this filter, which the JUnit Platform launcher registers by itself
 * (it is listed in the testkit's {@code META-INF/services}), so Maven, Gradle, an IDE and the
 * console launcher all honour it.
 *
 * <pre>{@code
 * ./mvnw test -Dtest='MyStorageContractTest*' -Dlibres.kit.only='Duplicates#twinSlots'
 * ./mvnw test -Dtest='MyBehaviourTest*' -Dlibres.kit.only='reserving,quotas'
 * }</pre>
 *
 * <p>Kit tests live in {@code @Nested} groups the kit declares, so surefire's
 * {@code -Dtest=MyKitTest#someTest} finds none of them (it compares the kit's nested class, not
 * yours, with the pattern). A selection is a comma-separated list of {@code group},
 * {@code group#method} or {@code #method}: a group is matched, ignoring case, against the simple
 * name and the display name of every class on the test's path (your kit subclass, the kit's
 * nested group such as {@code Duplicates} or {@code "duplicates"}); {@code Outer$Inner} asks for
 * both, in that order; a method is the Java method's name (every invocation of a parameterised
 * one). {@code *} matches any characters in either part. Tests that match no entry are removed
 * from the test plan before anything runs (they are not reported as skipped); with the property
 * unset or blank the filter keeps everything.
 */
public final class KitSelection implements PostDiscoveryFilter {

    /** The system property holding the selection. */
    public static final String PROPERTY = "libres.kit.only";

    private final List<Entry> entries;

    /**
     * The filter as the launcher makes it: the selection is the system property
     * {@value #PROPERTY}, if set.
     *
     * @throws IllegalArgumentException if the property is set to a malformed selection
     */
    public KitSelection() {
        this(System.getProperty(PROPERTY, ""));
    }

    private KitSelection(String selection) {
        this.entries = parse(selection);
    }

    /**
     * A filter for a selection given directly, for a launcher request or {@code EngineTestKit}.
     *
     * @param selection comma-separated {@code group}, {@code group#method} or {@code #method}
     *     entries; blank keeps every test
     * @return the filter
     * @throws IllegalArgumentException if the selection is null or an entry is malformed
     */
    public static KitSelection of(String selection) {
        if (selection == null) {
            throw new IllegalArgumentException("the kit selection is null; expected entries such as"
                    + " 'Duplicates#twinSlots' or 'reserving', separated by commas");
        }
        return new KitSelection(selection);
    }

    /**
     * Says whether the selection keeps everything (the property unset or blank).
     *
     * @return true if no entry is given
     */
    public boolean keepsEverything() {
        return entries.isEmpty();
    }

    @Override
    public FilterResult apply(TestDescriptor descriptor) {
        if (entries.isEmpty()) {
            return FilterResult.included("no " + PROPERTY + " selection");
        }
        Optional<MethodSource> method = descriptor.getSource().filter(MethodSource.class::isInstance)
                .map(MethodSource.class::cast);
        if (method.isEmpty()) {
            // engines, classes and other containers are kept; the launcher prunes those left empty
            return FilterResult.included("not a test method");
        }
        List<String[]> path = classPath(descriptor);
        for (Entry entry : entries) {
            if (entry.matches(path, method.get().getMethodName())) {
                return FilterResult.included("selected by " + PROPERTY + "=" + entry);
            }
        }
        return FilterResult.excluded("not selected by " + PROPERTY);
    }

    /** The simple and display names of each class on the descriptor's path, outermost first. */
    private static List<String[]> classPath(TestDescriptor descriptor) {
        List<String[]> path = new ArrayList<>();
        for (Optional<TestDescriptor> d = Optional.of(descriptor); d.isPresent(); d = d.get().getParent()) {
            TestDescriptor current = d.get();
            current.getSource().filter(ClassSource.class::isInstance).map(ClassSource.class::cast)
                    .ifPresent(source -> path.add(new String[] {simpleName(source.getClassName()),
                            current.getDisplayName()}));
        }
        Collections.reverse(path);
        return path;
    }

    private static String simpleName(String className) {
        int cut = Math.max(className.lastIndexOf('.'), className.lastIndexOf('$'));
        return className.substring(cut + 1);
    }

    private static List<Entry> parse(String selection) {
        List<Entry> entries = new ArrayList<>();
        for (String raw : selection.split(",")) {
            String text = raw.strip();
            if (text.isEmpty()) {
                continue;
            }
            int hash = text.indexOf('#');
            String group = hash < 0 ? text : text.substring(0, hash).strip();
            String method = hash < 0 ? "" : text.substring(hash + 1).strip();
            if (hash >= 0 && (method.isEmpty() || method.indexOf('#') >= 0)) {
                throw new IllegalArgumentException(PROPERTY + " entry '" + text + "' has no single method after '#';"
                        + " expected 'group', 'group#method' or '#method', e.g. 'Duplicates#twinSlots'");
            }
            List<Pattern> groups = new ArrayList<>();
            if (!group.isEmpty()) {
                for (String part : group.split("\\$")) {
                    if (part.isBlank()) {
                        throw new IllegalArgumentException(PROPERTY + " entry '" + text + "' has an empty group"
                                + " name; expected names such as 'Duplicates' or 'MyStorageContractTest$Duplicates'");
                    }
                    groups.add(glob(part.strip(), true));
                }
            }
            entries.add(new Entry(text, groups, method.isEmpty() ? null : glob(method, false)));
        }
        return List.copyOf(entries);
    }

    private static Pattern glob(String text, boolean ignoreCase) {
        String[] literals = text.split("\\*", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < literals.length; i++) {
            regex.append(i == 0 ? "" : ".*").append(Pattern.quote(literals[i]));
        }
        return Pattern.compile(regex.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
    }

    @Override
    public String toString() {
        return "KitSelection" + entries;
    }

    /** One entry: group names to find on the path in order, and an optional method pattern. */
    private static final class Entry {
        private final String text;
        private final List<Pattern> groups;
        private final Pattern method;

        Entry(String text, List<Pattern> groups, Pattern method) {
            this.text = text;
            this.groups = groups;
            this.method = method;
        }

        boolean matches(List<String[]> path, String methodName) {
            if (method != null && !method.matcher(methodName).matches()) {
                return false;
            }
            int next = 0;
            for (Pattern group : groups) {
                while (next < path.size() && !names(group, path.get(next))) {
                    next++;
                }
                if (next == path.size()) {
                    return false;
                }
                next++;
            }
            return true;
        }

        private static boolean names(Pattern group, String[] names) {
            return group.matcher(names[0]).matches() || group.matcher(names[1]).matches();
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
