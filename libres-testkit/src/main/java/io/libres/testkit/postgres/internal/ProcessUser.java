package io.libres.testkit.postgres.internal;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The operating-system user the embedded server runs as. PostgreSQL refuses to run as
 * root, and CI machines and containers often run builds as root; then the server runs as
 * an existing unprivileged user ({@code nobody} unless {@code LIBRES_TEST_POSTGRES_OS_USER}
 * names another), switched to with {@code setpriv} or, failing that, {@code runuser}, both
 * of util-linux. Otherwise it runs as the JVM's own user.
 */
public final class ProcessUser {

    private final String description;
    private final List<String> commandPrefix;
    private final Optional<String> uid;
    private final Optional<String> gid;

    private ProcessUser(String description, List<String> commandPrefix, Optional<String> uid, Optional<String> gid) {
        this.description = description;
        this.commandPrefix = List.copyOf(commandPrefix);
        this.uid = uid;
        this.gid = gid;
    }

    /**
     * Chooses the user for this JVM.
     *
     * @param settings the configuration to read
     * @return the JVM's own user, or an unprivileged one if the JVM runs as root
     * @throws IOException if the JVM runs as root and no unprivileged user can be switched to
     */
    public static ProcessUser forThisJvm(Settings settings) throws IOException {
        if (!runsAsRoot()) {
            return new ProcessUser("the JVM's user " + System.getProperty("user.name"), List.of(),
                    Optional.empty(), Optional.empty());
        }
        String name = settings.get(Settings.EMBEDDED_OS_USER).orElse("nobody");
        String uid = idOf(name, "-u");
        String gid = idOf(name, "-g");
        Optional<Path> setpriv = findExecutable("setpriv");
        if (setpriv.isPresent()) {
            return new ProcessUser("user " + name + " (uid " + uid + ", switched from root with setpriv)",
                    List.of(setpriv.get().toString(), "--reuid=" + uid, "--regid=" + gid, "--clear-groups"),
                    Optional.of(uid), Optional.of(gid));
        }
        Optional<Path> runuser = findExecutable("runuser");
        if (runuser.isPresent()) {
            return new ProcessUser("user " + name + " (uid " + uid + ", switched from root with runuser)",
                    List.of(runuser.get().toString(), "-u", name, "--"), Optional.of(uid), Optional.of(gid));
        }
        throw new IOException("the JVM runs as root, which PostgreSQL refuses, and neither setpriv nor runuser"
                + " (util-linux) is on the PATH to run it as " + name + "; install util-linux or run the tests"
                + " as another user");
    }

    /**
     * Says who the server runs as, for the announcement.
     *
     * @return for example {@code "user nobody (uid 65534, switched from root with setpriv)"}
     */
    public String description() {
        return description;
    }

    /**
     * Builds the command line that runs {@code command} as this user.
     *
     * @param command the program and its arguments
     * @return the command, prefixed with the user switch if one is needed
     */
    public List<String> command(List<String> command) {
        List<String> full = new ArrayList<>(commandPrefix);
        full.addAll(command);
        return full;
    }

    /**
     * Hands a directory the JVM created to this user, so the server may write in it.
     *
     * @param directory the directory
     * @throws IOException if the owner cannot be changed
     */
    public void takeOwnership(Path directory) throws IOException {
        if (uid.isEmpty()) {
            return;
        }
        UserPrincipalLookupService lookup = directory.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal owner = lookup.lookupPrincipalByName(uid.get());
        GroupPrincipal group = lookup.lookupPrincipalByGroupName(gid.orElseThrow());
        PosixFileAttributeView view = Files.getFileAttributeView(directory, PosixFileAttributeView.class);
        view.setOwner(owner);
        view.setGroup(group);
    }

    /**
     * Checks that this user can reach a directory the JVM chose, which a switched-to user
     * cannot when a parent directory (such as {@code /root}) is closed to others.
     *
     * @param directory the directory the server's files go in
     * @throws IOException naming the closed parent and the setting that chooses another directory
     */
    public void checkReachable(Path directory) throws IOException {
        if (uid.isEmpty()) {
            return;
        }
        for (Path parent = directory.toAbsolutePath(); parent != null; parent = parent.getParent()) {
            if (Files.getFileStore(parent).supportsFileAttributeView("posix")
                    && !Files.getPosixFilePermissions(parent).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                throw new IOException("PostgreSQL runs as " + description + ", who cannot reach " + directory
                        + " because " + parent + " is closed to other users; set " + Settings.EMBEDDED_DIRECTORY
                        + " to a directory such as /tmp/libres-test-postgres");
            }
        }
    }

    private static boolean runsAsRoot() {
        Path self = Path.of("/proc/self");
        try {
            if (Files.exists(self)) {
                return ((Number) Files.getAttribute(self, "unix:uid")).intValue() == 0;
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // Fall back to the name below.
        }
        return "root".equals(System.getProperty("user.name"));
    }

    private static String idOf(String user, String option) throws IOException {
        Process id = new ProcessBuilder("id", option, user).redirectErrorStream(true).start();
        try {
            String output = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!id.waitFor(10, TimeUnit.SECONDS) || id.exitValue() != 0 || !output.matches("\\d+")) {
                throw new IOException("the JVM runs as root, which PostgreSQL refuses, and the user '" + user
                        + "' to run it as does not exist (id " + option + " " + user + ": " + output + "); set "
                        + Settings.EMBEDDED_OS_USER + " to an existing unprivileged user");
            }
            return output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while looking up user " + user, e);
        }
    }

    private static Optional<Path> findExecutable(String name) {
        List<String> directories = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            directories.addAll(List.of(path.split(File.pathSeparator)));
        }
        directories.addAll(List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin"));
        return directories.stream()
                .filter(directory -> !directory.isEmpty())
                .map(directory -> Path.of(directory, name))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
